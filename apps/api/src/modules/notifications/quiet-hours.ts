import { zonedInstant, zonedParts } from './zoned-time';

/** 'HH:MM', 00:00 to 23:59. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/**
 * When `now` falls in the quiet window from–to (local time in `timeZone`, the end excluded; a window whose end is
 * before its start runs past midnight), the instant it ends; otherwise null.
 */
export function quietUntil(now: Date, quiet: { from: string; to: string; timeZone: string }): Date | null {
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return null;
  const local = zonedParts(now, quiet.timeZone);
  const minute = local.hour * 60 + local.minute;
  const inside = from < to ? minute >= from && minute < to : minute >= from || minute < to;
  if (!inside) return null;
  // Past midnight's side of an overnight window ends today; its evening side ends tomorrow.
  const endsTomorrow = from > to && minute >= from;
  return zonedInstant(
    {
      year: local.year,
      month: local.month,
      day: local.day + (endsTomorrow ? 1 : 0),
      hour: Math.floor(to / 60),
      minute: to % 60,
    },
    quiet.timeZone,
  );
}
