import { ChannelError, type ChannelErrorKind } from 'src/modules/channels/channel-error';
import type { RawResponse } from 'src/modules/channels/http/channel-http';

interface AmazonErrorEntry {
  code?: string;
  message?: string;
  details?: string;
}

/** SP-API errors always come as `{errors: [{code, message, details?}]}`. */
export function parseAmazonError(res: RawResponse, operation: string): ChannelError {
  const entry = ((res.body as { errors?: AmazonErrorEntry[] } | null)?.errors ?? [])[0];
  const message = [entry?.message, entry?.details].filter(Boolean).join(' — ') || `HTTP ${res.status}`;
  return new ChannelError('AMAZON', kindOf(res.status, entry?.code), message, {
    status: res.status,
    code: entry?.code,
    field: fieldOf(entry),
    operation,
    retryAfterMs: res.status === 429 ? amazonRetryAfterMs(res.headers) : undefined,
  });
}

/** One request's worth of the granted rate; Amazon sends no replenishment time. */
export function amazonRetryAfterMs(headers: Headers): number | undefined {
  const rate = Number(headers.get('x-amzn-ratelimit-limit'));
  return rate > 0 ? Math.ceil(1000 / rate) : undefined;
}

function kindOf(status: number, code: string | undefined): ChannelErrorKind {
  if (status === 401 || status === 403 || code === 'Unauthorized' || code === 'InvalidAccessToken') return 'AUTH';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'THROTTLED';
  if (status >= 500) return 'SERVER';
  return 'INVALID_REQUEST';
}

/** SP-API names the parameter in the message (`createdAfter …`, `Invalid input for "carrierCode"`); keep it when it does. */
function fieldOf(entry: AmazonErrorEntry | undefined): string | undefined {
  const match =
    /["'`]?([a-z][A-Za-z0-9.]+)["'`]?/.exec(entry?.details ?? '') ??
    /^([a-z][A-Za-z0-9.]+)\b/.exec(entry?.message ?? '');
  return match?.[1];
}
