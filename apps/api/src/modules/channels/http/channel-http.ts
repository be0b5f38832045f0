import type { Channel } from '@order-hub/types';
import { ChannelError } from 'src/modules/channels/channel-error';
import type { RateBucket } from './rate-buckets';
import { sleep } from './token-bucket';

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  timeoutMs: 20_000,
};

export interface ChannelRequest {
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, the text when it is not JSON, or null when empty. */
  body: unknown;
}

export interface ChannelHttpHooks {
  /** Headers that carry authentication for the operation; called before every attempt so a refreshed token is used. */
  authHeaders(forceRefresh: boolean, operation: string): Promise<Record<string, string>>;
  /** The channel's error body mapped to a typed error. */
  parseError(res: RawResponse, operation: string): ChannelError;
  /** The rate bucket of this account and operation. */
  bucket(operation: string): RateBucket;
  /** Reads rate headers of any response (to adjust the bucket). */
  observe?(operation: string, res: RawResponse): void;
}

/**
 * One channel call with the channel's manners: a token from the account's bucket before each attempt,
 * a timeout, one token refresh on 401, waiting out 429s, and exponential backoff with full jitter on
 * 5xx and network failures. Anything else is returned to the caller as a typed error at once.
 */
export class ChannelHttp {
  constructor(
    private readonly channel: Channel,
    private readonly hooks: ChannelHttpHooks,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {}

  /**
   * `writes: true` for calls that change the channel: only a 429 (not processed) or a 401 (refused) is retried
   * here; a 5xx or timeout may have been applied, so it goes back to the caller (the outbox reads back first).
   */
  async send(req: ChannelRequest, options: { writes?: boolean } = {}): Promise<RawResponse> {
    let refreshedAuth = false;
    let forceRefresh = false;
    for (let attempt = 1; ; attempt++) {
      const bucket = this.hooks.bucket(req.operation);
      await bucket.take();
      let error: ChannelError;
      try {
        const res = await this.attempt(req, await this.hooks.authHeaders(forceRefresh, req.operation));
        this.hooks.observe?.(req.operation, res);
        if (res.status < 400) return res;
        error = this.hooks.parseError(res, req.operation);
        error.details.responseBody ??= res.body;
      } catch (err) {
        if (err instanceof ChannelError) throw err;
        error = this.networkError(err, req.operation);
      }
      forceRefresh = false;
      if (error.kind === 'AUTH' && !refreshedAuth) {
        refreshedAuth = true;
        forceRefresh = true;
        continue;
      }
      const unsafe = options.writes && error.kind !== 'THROTTLED';
      if (!error.retryable || unsafe || attempt >= this.policy.maxAttempts) throw error;
      if (error.kind === 'THROTTLED') {
        bucket.exhaust(Date.now() + (error.details.retryAfterMs ?? this.backoff(attempt)));
      } else {
        await sleep(this.backoff(attempt));
      }
    }
  }

  private async attempt(req: ChannelRequest, auth: Record<string, string>): Promise<RawResponse> {
    const res = await fetch(req.url, {
      method: req.method,
      headers: { accept: 'application/json', ...req.headers, ...auth },
      body: req.body,
      signal: AbortSignal.timeout(this.policy.timeoutMs),
    });
    const text = await res.text();
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: res.status, headers: res.headers, body };
  }

  private networkError(err: unknown, operation: string): ChannelError {
    const e = err as { name?: string; message?: string; cause?: { code?: string } };
    const what =
      e.name === 'TimeoutError'
        ? `no answer within ${this.policy.timeoutMs} ms`
        : (e.cause?.code ?? e.message ?? String(err));
    return new ChannelError(this.channel, 'NETWORK', `Could not reach the channel: ${what}`, { operation });
  }

  /** Full jitter: a random wait up to base × 2^(attempt-1), capped. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(Math.random() * ceiling);
  }
}
