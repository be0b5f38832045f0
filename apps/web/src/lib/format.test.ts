import {
  formatDateTime,
  formatDeadline,
  formatMoney,
  formatPreciseDateTime,
  formatRelative,
  formatZonedDateTime,
  isPast,
} from './format';

const NOW = Date.parse('2025-03-10T12:00:00Z');
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatMoney', () => {
  test('formats cents in the given currency', () => {
    expect(formatMoney(123456, 'USD')).toBe('$1,234.56');
    expect(formatMoney(5, 'USD')).toBe('$0.05');
    expect(formatMoney(-1999, 'USD')).toBe('-$19.99');
    expect(formatMoney(2500, 'CAD')).toBe('CA$25.00');
    // Minor units by currency: yen have none, Kuwaiti dinar three.
    expect(formatMoney(15499, 'JPY')).toBe('¥15,499');
    expect(formatMoney(12345, 'KWD').replace(/\s/g, ' ')).toBe('KWD 12.345');
  });
});

describe('formatDeadline', () => {
  test('counts minutes under an hour', () => {
    expect(formatDeadline(at(25 * MINUTE), NOW)).toBe('in 25 min');
    expect(formatDeadline(at(-5 * MINUTE), NOW)).toBe('5 min late');
    expect(formatDeadline(at(10_000), NOW)).toBe('in 1 min');
  });

  test('counts hours under two days', () => {
    expect(formatDeadline(at(3 * HOUR + 20 * MINUTE), NOW)).toBe('in 3 h');
    expect(formatDeadline(at(-47 * HOUR), NOW)).toBe('47 h late');
  });

  test('counts days from two days on', () => {
    expect(formatDeadline(at(2 * DAY + HOUR), NOW)).toBe('in 2 d');
    expect(formatDeadline(at(-9 * DAY), NOW)).toBe('9 d late');
  });
});

test('isPast treats a missing deadline as not past', () => {
  expect(isPast(at(-1), NOW)).toBe(true);
  expect(isPast(at(1), NOW)).toBe(false);
  expect(isPast(null, NOW)).toBe(false);
});

describe('formatRelative', () => {
  test('calls the last seconds "just now" and the next ones "in a few seconds"', () => {
    expect(formatRelative(at(0), NOW)).toBe('just now');
    expect(formatRelative(at(-44_000), NOW)).toBe('just now');
    expect(formatRelative(at(20_000), NOW)).toBe('in a few seconds');
  });

  test('counts minutes, then hours under two days, then days, both ways', () => {
    expect(formatRelative(at(-50_000), NOW)).toBe('1 min ago');
    expect(formatRelative(at(-12 * MINUTE - 20_000), NOW)).toBe('12 min ago');
    expect(formatRelative(at(30 * MINUTE), NOW)).toBe('in 30 min');
    expect(formatRelative(at(-3 * HOUR - 59 * MINUTE), NOW)).toBe('3 h ago');
    expect(formatRelative(at(47 * HOUR), NOW)).toBe('in 47 h');
    expect(formatRelative(at(-9 * DAY - HOUR), NOW)).toBe('9 d ago');
  });
});

describe('dates in an account’s time zone', () => {
  test('the same instant reads in the zone given, always with the zone named (no bare or ISO times)', () => {
    const iso = '2026-12-03T18:05:00.000Z';
    expect(formatDateTime(iso, 'America/Chicago')).toBe('Dec 3, 12:05 CST');
    expect(formatDateTime(iso, 'Asia/Tokyo')).toBe('Dec 4, 03:05 GMT+9');
    expect(formatPreciseDateTime(iso, 'America/New_York')).toBe('Dec 3, 13:05:00 EST');
    expect(formatZonedDateTime(iso, 'America/Los_Angeles')).toBe('Dec 3, 10:05 PST');
    expect(formatDateTime(null, 'America/Chicago')).toBe('—');
  });

  test('an unknown zone name falls back to the browser’s zone instead of failing the page', () => {
    const iso = '2026-12-03T18:05:00.000Z';
    expect(formatDateTime(iso, 'Not/AZone')).toBe(formatDateTime(iso));
  });
});
