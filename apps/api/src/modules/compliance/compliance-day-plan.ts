import type { AnchorRange } from './compliance-fact-counts';

export const DAY_MS = 86_400_000;

/**
 * Days before today (UTC) a report still reads live: facts anchored there may change class as time passes
 * ("not yet due", an open order), while the facts of older days only change when a row does, which the
 * triggers record in compliance_dirty_day.
 */
export const LIVE_DAYS = 2;

/** How a facts group over [starts[0], asOf) is read: the closed days whole from the day counts, the rest live. */
export interface DayPlan {
  /** UTC days (YYYY-MM-DD) read from compliance_day_count, ascending. */
  cachedDays: string[];
  /** The days the cache must hold: [from, before), every closed day from the first whole one. */
  cacheFrom: Date | null;
  cacheBefore: Date | null;
  /** Anchor ranges read with the facts query: the partial first day, each day holding a nested window's start, the last days. */
  live: AnchorRange[];
}

export const utcDay = (t: Date): string => t.toISOString().slice(0, 10);
const floorDay = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;

/** `useCache` false plans the raw read: one live range from the widest start. */
export function planDays(starts: Date[], asOf: Date, useCache: boolean): DayPlan {
  const raw: DayPlan = { cachedDays: [], cacheFrom: null, cacheBefore: null, live: [{ from: starts[0], before: null }] };
  if (!useCache) return raw;
  const tailStart = floorDay(asOf.getTime()) - LIVE_DAYS * DAY_MS;
  const firstWhole = Math.ceil(starts[0].getTime() / DAY_MS) * DAY_MS;
  if (firstWhole >= tailStart) return raw;
  // A day holding a nested window's start has records inside one window and not the other: read live.
  const partial = new Set(starts.filter((s) => s.getTime() % DAY_MS !== 0).map((s) => floorDay(s.getTime())));
  const cached: number[] = [];
  for (let day = firstWhole; day < tailStart; day += DAY_MS) if (!partial.has(day)) cached.push(day);
  const live: AnchorRange[] = [];
  let cursor = starts[0].getTime();
  for (const day of cached) {
    if (cursor < day) live.push({ from: new Date(cursor), before: new Date(day) });
    cursor = day + DAY_MS;
  }
  live.push({ from: new Date(cursor), before: null });
  return { cachedDays: cached.map((d) => utcDay(new Date(d))), cacheFrom: new Date(firstWhole), cacheBefore: new Date(tailStart), live };
}

/** Consecutive UTC days, as [from, before) instants. */
export interface DayRun {
  from: Date;
  before: Date;
  days: string[];
}

export function dayRuns(days: string[]): DayRun[] {
  const runs: DayRun[] = [];
  for (const day of [...days].sort()) {
    const at = new Date(`${day}T00:00:00.000Z`);
    const last = runs[runs.length - 1];
    if (last && last.before.getTime() === at.getTime()) {
      last.before = new Date(at.getTime() + DAY_MS);
      last.days.push(day);
    } else runs.push({ from: at, before: new Date(at.getTime() + DAY_MS), days: [day] });
  }
  return runs;
}
