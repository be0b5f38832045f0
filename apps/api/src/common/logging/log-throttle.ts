/** How many causes are counted apart; past this, new causes share one bucket (the map never grows without bound). */
const MAX_CAUSES = 1_000;
const OVERFLOW = '(other causes)';

interface Window {
  startedAt: number;
  written: number;
  suppressed: number;
}

export interface Suppressed {
  cause: string;
  count: number;
}

/**
 * At most `perWindow` log lines per cause per window (one minute); the rest are counted, and when the window has
 * passed the count is reported once ("suppressed K similar lines"). A cause is whatever names the kind of event
 * (an error code and operation, a message template), never the request's own data.
 */
export class LogThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly perWindow: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Whether a line of this cause may be written now. `expired` receives the count suppressed in the cause's
   * previous window when that window has ended, so the caller writes it just before the new line.
   */
  admit(cause: string, expired?: (s: Suppressed) => void): boolean {
    if (this.perWindow <= 0) return true;
    const t = this.now();
    let key = cause;
    let w = this.windows.get(key);
    if (!w && this.windows.size >= MAX_CAUSES) {
      this.sweep(t, expired);
      if (this.windows.size >= MAX_CAUSES) {
        key = OVERFLOW;
        w = this.windows.get(key);
      }
    }
    if (w && t - w.startedAt >= this.windowMs) {
      if (w.suppressed > 0) expired?.({ cause: key, count: w.suppressed });
      w = undefined;
    }
    if (!w) {
      w = { startedAt: t, written: 0, suppressed: 0 };
      this.windows.set(key, w);
    }
    if (w.written < this.perWindow) {
      w.written++;
      return true;
    }
    w.suppressed++;
    return false;
  }

  /** Ends every window that has passed, reporting what each suppressed; drops quiet causes from memory. */
  sweep(t = this.now(), expired?: (s: Suppressed) => void): void {
    for (const [cause, w] of this.windows) {
      if (t - w.startedAt < this.windowMs) continue;
      if (w.suppressed > 0) expired?.({ cause, count: w.suppressed });
      this.windows.delete(cause);
    }
  }

  /** Reports every count still pending (at shutdown), whether or not its window has passed. */
  flush(expired: (s: Suppressed) => void): void {
    for (const [cause, w] of this.windows) if (w.suppressed > 0) expired({ cause, count: w.suppressed });
    this.windows.clear();
  }
}
