import type { AccountData } from '../../state/types';

/**
 * Feeds planted (control API) to end FATAL: Amazon aborts a feed it cannot process as a whole, with no processing
 * report. Each planted outcome applies to the next `times` feeds of its type the account creates.
 */
interface PlantedFatal {
  feedType: string;
  times: number;
}

const planted = new WeakMap<AccountData, PlantedFatal[]>();
const fatalFeeds = new WeakMap<AccountData, Set<string>>();

export function plantFatalFeed(data: AccountData, spec: PlantedFatal): void {
  planted.set(data, [...(planted.get(data) ?? []), spec]);
}

/** Called when a feed is created: marks it to end FATAL if one is planted for its type. */
export function claimFatalFeed(data: AccountData, feedType: string, feedId: string): void {
  const found = (planted.get(data) ?? []).find((p) => p.feedType === feedType && p.times > 0);
  if (!found) return;
  found.times -= 1;
  fatalFeeds.set(data, (fatalFeeds.get(data) ?? new Set()).add(feedId));
}

export function endsFatal(data: AccountData, feedId: string): boolean {
  return fatalFeeds.get(data)?.has(feedId) ?? false;
}
