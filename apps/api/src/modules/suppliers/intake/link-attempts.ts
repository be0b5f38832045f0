import { Injectable } from '@nestjs/common';

/** Posts (checks and submissions) one address may make with one link in a minute. */
export const LINK_POSTS_PER_MINUTE = 30;
const WINDOW_MS = 60_000;

/**
 * A fixed one-minute window per link and address, in this process: the supplier types and checks a number a few
 * times; a script trying numbers against a link stops here. (Tampered tokens count toward the hub's refused
 * authentications per address instead.)
 */
@Injectable()
export class LinkAttempts {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  /** Counts one post; answers the seconds to wait when over the limit, else 0. */
  take(token: string, ip: string, now = Date.now()): number {
    const key = `${ip}\u0000${token.slice(0, 100)}`;
    const entry = this.windows.get(key);
    if (!entry || entry.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + WINDOW_MS });
      if (this.windows.size > 10_000) this.sweep(now);
      return 0;
    }
    entry.count += 1;
    return entry.count > LINK_POSTS_PER_MINUTE ? Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) : 0;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.windows) if (entry.resetAt <= now) this.windows.delete(key);
  }
}
