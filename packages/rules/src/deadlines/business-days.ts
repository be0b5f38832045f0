const DAY_MS = 86_400_000;

/**
 * `days` business days after `from` (Monday to Friday, in UTC), at the same time of day: each following day that is
 * a weekday counts one. Friday 10:00 + 2 is Tuesday 10:00; Saturday 10:00 + 2 is Tuesday 10:00.
 */
export function addBusinessDays(from: Date, days: number): Date {
  let result = from.getTime();
  let left = days;
  while (left > 0) {
    result += DAY_MS;
    const weekday = new Date(result).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(result);
}
