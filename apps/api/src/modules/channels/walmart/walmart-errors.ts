import { ChannelError, type ChannelErrorKind } from 'src/modules/channels/channel-error';
import type { RawResponse } from 'src/modules/channels/http/channel-http';

interface WalmartErrorEntry {
  code?: string;
  field?: string;
  description?: string;
  message?: string;
  info?: string;
}

/**
 * Walmart's error envelope in the forms seen in the wild: `{errors: {error: [...]}}`, `{errors: {error: {...}}}`
 * and the newer `{errors: [...]}`, with `description` or `message`.
 */
export function parseWalmartError(res: RawResponse, operation: string): ChannelError {
  const entry = firstEntry(res.body);
  const code = entry?.code;
  const message =
    entry?.description ??
    entry?.message ??
    entry?.info ??
    (typeof res.body === 'string' && res.body ? res.body : `HTTP ${res.status}`);
  return new ChannelError('WALMART', kindOf(res.status), message, {
    status: res.status,
    code,
    field: entry?.field,
    operation,
    retryAfterMs: res.status === 429 ? walmartRetryAfterMs(res.headers) : undefined,
  });
}

/** Milliseconds until Walmart replenishes tokens, from whichever header spelling it sent. */
export function walmartRetryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const next = headers.get('x-next-replenishment-time') ?? headers.get('x-next-replenish-time');
  if (next) {
    const at = /^\d+$/.test(next) ? Number(next) : Date.parse(next);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  const retryAfter = headers.get('retry-after');
  if (retryAfter && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  return undefined;
}

function firstEntry(body: unknown): WalmartErrorEntry | undefined {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (Array.isArray(errors)) return errors[0] as WalmartErrorEntry;
  const inner = (errors as { error?: unknown } | undefined)?.error;
  if (Array.isArray(inner)) return inner[0] as WalmartErrorEntry;
  return inner as WalmartErrorEntry | undefined;
}

function kindOf(status: number): ChannelErrorKind {
  if (status === 401 || status === 403) return 'AUTH';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'THROTTLED';
  if (status >= 500) return 'SERVER';
  return 'INVALID_REQUEST';
}
