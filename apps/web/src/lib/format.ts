const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Formats an amount in minor units (cents) of the given ISO currency. */
/** An amount in the currency's minor units (USD cents, JPY yen, KWD fils), as the api stores it. */
export function formatMoney(amountCents: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format.format(amountCents / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

// Every time the console shows names its zone: the reader may sit elsewhere than the account's warehouse.
const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZoneName: 'short',
};
const PRECISE_OPTIONS: Intl.DateTimeFormatOptions = { ...DATE_TIME_OPTIONS, second: '2-digit' };
const ZONE_OPTIONS: Intl.DateTimeFormatOptions = DATE_TIME_OPTIONS;

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per style and time zone; an unknown zone name falls back to the browser's. */
function dateTimeFormat(style: 'plain' | 'precise' | 'zone', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${style}:${timeZone ?? ''}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    const options = style === 'plain' ? DATE_TIME_OPTIONS : style === 'precise' ? PRECISE_OPTIONS : ZONE_OPTIONS;
    try {
      format = new Intl.DateTimeFormat('en-US', { ...options, ...(timeZone && { timeZone }) });
    } catch {
      format = new Intl.DateTimeFormat('en-US', options);
    }
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** "Nov 20, 10:05 PST"; in `timeZone` (an account's IANA zone) when given, else the browser's, the zone named. */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  return iso ? dateTimeFormat('plain', timeZone).format(new Date(iso)) : '—';
}

/** Like formatDateTime, to the second: for timelines where several things happen within a minute. */
export function formatPreciseDateTime(iso: string | null | undefined, timeZone?: string): string {
  return iso ? dateTimeFormat('precise', timeZone).format(new Date(iso)) : '—';
}

/** "Nov 20, 02:05 PST": an account's time with its zone named, where the reader may be elsewhere. */
export function formatZonedDateTime(iso: string | null | undefined, timeZone: string | undefined): string {
  return iso ? dateTimeFormat('zone', timeZone).format(new Date(iso)) : '—';
}

/** "in 3 h", "2 d late", "in 12 min"; minutes under an hour, hours under two days, else days. */
export function formatDeadline(iso: string, now: number = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const distance = Math.abs(diff);
  const amount =
    distance < HOUR
      ? `${Math.max(1, Math.floor(distance / MINUTE))} min`
      : distance < 2 * DAY
        ? `${Math.floor(distance / HOUR)} h`
        : `${Math.floor(distance / DAY)} d`;
  return diff >= 0 ? `in ${amount}` : `${amount} late`;
}

/** "just now", "5 min ago", "in 3 h", "4 d ago": the distance to `iso` in the unit that reads best. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const distance = Math.abs(diff);
  if (distance < 45_000) return diff <= 0 ? 'just now' : 'in a few seconds';
  const amount =
    distance < HOUR
      ? `${Math.max(1, Math.round(distance / MINUTE))} min`
      : distance < 2 * DAY
        ? `${Math.floor(distance / HOUR)} h`
        : `${Math.floor(distance / DAY)} d`;
  return diff >= 0 ? `in ${amount}` : `${amount} ago`;
}

export function isPast(iso: string | null | undefined, now: number = Date.now()): boolean {
  return iso != null && new Date(iso).getTime() < now;
}

export function formatCompactJson(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value);
}
