import type { AnchorRange } from './compliance-facts.types';

export const HOUR_MS = 3_600_000;

/**
 * A report reads live the hour it falls in and, for a facts group whose records change class as time passes
 * after their anchor (`settleHours`: an order counts as acknowledged late only once its deadline, hours after it
 * was placed, is past), the hours before it that are not settled yet. Older hours only change when a row does,
 * which the triggers record in compliance_dirty_day. Open orders ('O') are anchored at or after the report's
 * instant and are always read live.
 */

/** How a facts group over [starts[0], asOf) is read: the closed hours whole from the stored counts, the rest live. */
export interface CountPlan {
  /** Hour buckets read from compliance_hour_count, ascending. */
  cachedHours: Date[];
  /** The hours the store must hold: [from, before), every closed hour from the first whole one. */
  cacheFrom: Date | null;
  cacheBefore: Date | null;
  /** Anchor ranges read with the facts query: the partial first hour, each hour holding a nested window's start, the last hours. */
  live: AnchorRange[];
}

const floorHour = (t: number) => Math.floor(t / HOUR_MS) * HOUR_MS;

/** `useCache` false plans the raw read: one live range from the widest start. */
export function planCounts(starts: Date[], asOf: Date, useCache: boolean, settleHours = 0): CountPlan {
  const raw: CountPlan = {
    cachedHours: [],
    cacheFrom: null,
    cacheBefore: null,
    live: [{ from: starts[0], before: null }],
  };
  if (!useCache) return raw;
  const tailStart = floorHour(asOf.getTime() - settleHours * HOUR_MS);
  const firstWhole = Math.ceil(starts[0].getTime() / HOUR_MS) * HOUR_MS;
  if (firstWhole >= tailStart) return raw;
  // An hour holding a nested window's start has records inside one window and not the other: read live.
  const partial = new Set(starts.filter((s) => s.getTime() % HOUR_MS !== 0).map((s) => floorHour(s.getTime())));
  const cached: number[] = [];
  for (let hour = firstWhole; hour < tailStart; hour += HOUR_MS) if (!partial.has(hour)) cached.push(hour);
  const live: AnchorRange[] = [];
  let cursor = starts[0].getTime();
  for (const hour of cached) {
    if (cursor < hour) live.push({ from: new Date(cursor), before: new Date(hour) });
    cursor = hour + HOUR_MS;
  }
  live.push({ from: new Date(cursor), before: null });
  return {
    cachedHours: cached.map((h) => new Date(h)),
    cacheFrom: new Date(firstWhole),
    cacheBefore: new Date(tailStart),
    live,
  };
}

/** Consecutive hour buckets, as [from, before) instants. */
export interface HourRun {
  from: Date;
  before: Date;
  hours: Date[];
}

export function hourRuns(hours: number[]): HourRun[] {
  const runs: HourRun[] = [];
  for (const hour of [...hours].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.before.getTime() === hour) {
      last.before = new Date(hour + HOUR_MS);
      last.hours.push(new Date(hour));
    } else runs.push({ from: new Date(hour), before: new Date(hour + HOUR_MS), hours: [new Date(hour)] });
  }
  return runs;
}
