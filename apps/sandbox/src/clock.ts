import { performance } from 'node:perf_hooks';

/**
 * The sandbox's sense of time. A fixed clock stands still until it is set or advanced, so tests are
 * deterministic; the real clock follows the machine. Token buckets read `elapsedMs()`, which moves
 * with real time *and* with every advance, so advancing the clock also refills throttles.
 */
export class SandboxClock {
  private fixedAt: number | null;
  private advancedMs = 0;

  constructor(start?: Date | 'real') {
    this.fixedAt = start instanceof Date ? start.getTime() : null;
  }

  now(): number {
    return this.fixedAt ?? Date.now() + this.advancedMs;
  }

  nowDate(): Date {
    return new Date(this.now());
  }

  isFixed(): boolean {
    return this.fixedAt !== null;
  }

  /** Freezes the clock at `at`; moving forward also counts as elapsed time for throttles. */
  set(at: Date | number): void {
    const target = typeof at === 'number' ? at : at.getTime();
    if (!Number.isFinite(target)) throw new RangeError('clock.set needs a valid date');
    const delta = target - this.now();
    if (delta > 0) this.advancedMs += delta;
    this.fixedAt = target;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError('clock.advance needs a non-negative number of milliseconds');
    this.advancedMs += ms;
    if (this.fixedAt !== null) this.fixedAt += ms;
  }

  elapsedMs(): number {
    return performance.now() + this.advancedMs;
  }
}
