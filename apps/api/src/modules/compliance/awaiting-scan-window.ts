import { lateOriginScanDeadline } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { HOUR_MS } from './compliance-count-plan';

const DAY_MS = 24 * HOUR_MS;

/**
 * The whole days the rules' late-origin-scan deadline adds to a shipment confirmed on each ISO weekday (index 0 =
 * Monday … 6 = Sunday, in UTC), as the policy in force at `at` gives them. Business days are counted from the
 * weekday alone (Friday + 2 business days is Tuesday, the same time of day), so the SQL reads the deadline from this
 * table instead of counting business days a second time.
 */
export function lateOriginScanDaysByWeekday(channel: Channel, at: Date): number[] {
  const noon = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), 12);
  const monday = noon - ((new Date(noon).getUTCDay() + 6) % 7) * DAY_MS;
  return Array.from({ length: 7 }, (_, i) => {
    const shipped = monday + i * DAY_MS;
    return Math.round((lateOriginScanDeadline(channel, new Date(shipped)).getTime() - shipped) / DAY_MS);
  });
}
