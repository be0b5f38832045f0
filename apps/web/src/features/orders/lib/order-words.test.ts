import { firstAndMore, formatAge, fulfilmentLabel, matchLabel, shippingSummary } from './order-words';

const NOW = Date.parse('2026-12-03T12:00:00Z');

test('age reads in the unit that fits', () => {
  expect(formatAge('2026-12-03T11:15:00Z', NOW)).toBe('45 min');
  expect(formatAge('2026-12-03T07:00:00Z', NOW)).toBe('5 h');
  expect(formatAge('2026-11-30T08:00:00Z', NOW)).toBe('3 d 4 h');
  expect(formatAge('2026-11-30T12:00:00Z', NOW)).toBe('3 d');
});

test('lists show the first value and how many more', () => {
  expect(firstAndMore(['ABC-1', 'XYZ', 'ABC-1', 'Q'])).toBe('ABC-1 +2 more');
  expect(firstAndMore(['ONLY'])).toBe('ONLY');
  expect(firstAndMore([null, undefined])).toBe('—');
});

test('fulfilment and ship method in words, not codes', () => {
  expect(fulfilmentLabel('MCF')).toBe('Amazon MCF');
  expect(shippingSummary('AMAZON', 'MERCHANT', 'SecondDay')).toBe('You ship · Two-day');
  expect(shippingSummary('WALMART', 'MERCHANT', null)).toBe('You ship');
});

test('a search match says which field matched', () => {
  expect(matchLabel({ field: 'TRACKING_NUMBER', value: '1Z999' })).toBe('Tracking number 1Z999');
});
