/**
 * The instant a token chosen to expire on `date` (yyyy-mm-dd from a date input) stops working: the end of that
 * day in the admin's time zone. Empty: it never expires.
 */
export function expiresAtOf(date: string): string | undefined {
  if (!date) return undefined;
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year, month - 1, day, 23, 59, 59).toISOString();
}

/** Tomorrow as yyyy-mm-dd, the earliest expiry the date input offers. */
export function tomorrowInput(now: Date = new Date()): string {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}`;
}
