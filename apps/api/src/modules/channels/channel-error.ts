import type { Channel } from '@order-hub/types';

export type ChannelErrorKind = 'AUTH' | 'THROTTLED' | 'INVALID_REQUEST' | 'NOT_FOUND' | 'SERVER' | 'NETWORK';

/** A channel call that failed, typed by what the caller can do about it. */
export class ChannelError extends Error {
  constructor(
    readonly channel: Channel,
    readonly kind: ChannelErrorKind,
    message: string,
    readonly details: {
      status?: number;
      /** The channel's own error code (`INVALID_REQUEST_CONTENT.GMP_ORDER_API`, `QuotaExceeded`…). */
      code?: string;
      /** The request field the channel blamed, when it names one. */
      field?: string;
      retryAfterMs?: number;
      operation?: string;
      /** The channel's answer, for the outbox's attempt log. */
      responseBody?: unknown;
    } = {},
  ) {
    super(message);
    this.name = 'ChannelError';
  }

  /** Throttling, server faults and network failures pass; the same request may succeed later. */
  get retryable(): boolean {
    return this.kind === 'THROTTLED' || this.kind === 'SERVER' || this.kind === 'NETWORK';
  }

  /** One line for sync state and logs: channel, operation, status, code and the channel's message. */
  summary(): string {
    const where = [this.details.operation, this.details.status, this.details.code]
      .filter((p) => p !== undefined)
      .join(' ');
    return `${this.channel} ${where}: ${this.message}`;
  }
}
