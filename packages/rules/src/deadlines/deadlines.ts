import type { AutoCancelRule, ChannelPolicy } from '../policy/policy-table';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** When the order must be acknowledged, or null where the channel has no acknowledgement. */
export function acknowledgeBy(orderedAt: Date, policy: ChannelPolicy): Date | null {
  if (policy.acknowledgeWithinHours === null) return null;
  return new Date(orderedAt.getTime() + policy.acknowledgeWithinHours * HOUR_MS);
}

/** When the channel cancels a line still unshipped, or null where it never does (or no ship-by is known). */
export function autoCancelAt(shipBy: Date | null, policy: ChannelPolicy): Date | null {
  if (!shipBy || !policy.autoCancel) return null;
  return addDays(shipBy, policy.autoCancel);
}

function addDays(from: Date, rule: AutoCancelRule): Date {
  if (rule.dayKind === 'CALENDAR') return new Date(from.getTime() + rule.days * DAY_MS);
  let result = from.getTime();
  let left = rule.days;
  while (left > 0) {
    result += DAY_MS;
    const weekday = new Date(result).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(result);
}
