import { Injectable } from '@nestjs/common';

/**
 * Calls to the tracking provider this process may make, refilled continuously (a token bucket): registration and
 * polling both draw from it, so together they stay within the provider's rate limit. EasyPost publishes no fixed
 * figure for trackers and answers 429 when a key goes too fast; the hub keeps to 5 calls a second (300 a minute,
 * ten times the ~3,000 new trackers a day of a 1M-order seller) and backs off further on a 429.
 */
@Injectable()
export class ProviderCallBudget {
  static readonly PER_SECOND = 5;
  /**
   * Two seconds' worth at most after a quiet spell: a bigger burst (the whole demo's shipments registered at once)
   * runs into the provider's limit and turns into 429s and backoff.
   */
  static readonly CAPACITY = 10;

  private tokens = ProviderCallBudget.CAPACITY;
  private refilledAt = Date.now();

  /** Takes one call if the budget has it. */
  take(now = Date.now()): boolean {
    this.tokens = Math.min(
      ProviderCallBudget.CAPACITY,
      this.tokens + ((now - this.refilledAt) / 1000) * ProviderCallBudget.PER_SECOND,
    );
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
