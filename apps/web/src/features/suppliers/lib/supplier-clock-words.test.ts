import { spanWords, supplierClockWords } from './supplier-clock-words';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const at = (hoursFromNow: number) => new Date(NOW + hoursFromNow * 3_600_000).toISOString();

test('a waiting purchase order reads its time left, amber within 4 h', () => {
  expect(supplierClockWords(at(30), null, NOW)).toEqual({ text: 'due in 30 h', tone: 'ok', state: 'WAITING' });
  expect(supplierClockWords(at(5), null, NOW)).toEqual({ text: 'due in 5 h', tone: 'ok', state: 'WAITING' });
  expect(supplierClockWords(at(3.5), null, NOW)).toEqual({ text: 'due in 3 h', tone: 'warn', state: 'DUE_SOON' });
  expect(supplierClockWords(at(0.5), null, NOW)).toEqual({ text: 'due in 30 min', tone: 'warn', state: 'DUE_SOON' });
});

test('a missed one says how long ago', () => {
  expect(supplierClockWords(at(-2), null, NOW)).toEqual({ text: 'missed 2 h ago', tone: 'alert', state: 'MISSED' });
  expect(supplierClockWords(at(-72), null, NOW)).toEqual({ text: 'missed 3 d ago', tone: 'alert', state: 'MISSED' });
});

test('tracking received reads on time or how late', () => {
  expect(supplierClockWords(at(-1), at(-2), NOW)).toEqual({ text: 'tracking on time', tone: 'done', state: 'ON_TIME' });
  expect(supplierClockWords(at(-5), at(-2), NOW)).toEqual({ text: 'tracking 3 h late', tone: 'alert', state: 'LATE' });
  expect(supplierClockWords(null, null, NOW).text).toBe('no deadline (the order has no ship-by)');
});

test('spans read in the unit that fits', () => {
  expect(spanWords(10_000)).toBe('1 min');
  expect(spanWords(47 * 3_600_000)).toBe('47 h');
  expect(spanWords(49 * 3_600_000)).toBe('2 d');
});
