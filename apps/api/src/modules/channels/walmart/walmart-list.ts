import { ChannelError } from 'src/modules/channels/channel-error';

/**
 * Walmart answers an empty list with 404 `CONTENT_NOT_FOUND`; any other 404 (a wrong path, a gateway
 * `URI_NOT_FOUND`) is an error and keeps the channel's message.
 */
export function isNoOrders(err: unknown): boolean {
  return (
    err instanceof ChannelError &&
    err.kind === 'NOT_FOUND' &&
    (err.details.code ?? '').split('.')[0] === 'CONTENT_NOT_FOUND'
  );
}

export function wholeSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/** Walmart rejects milliseconds: `yyyy-MM-ddTHH:mm:ssZ`. */
export function walmartDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Walmart's `nextCursor` is a ready-made query string (`?limit=…&offset=…`), appended to the list's path as sent. */
export function followCursor(path: string, next: string): string {
  return `${path}${next.startsWith('?') ? next : `?${next}`}`;
}
