import { defaultDays, fieldsInWords, rangeOf } from './access-range';

test('the default range is the last 7 days, today included', () => {
  expect(defaultDays(new Date(2026, 11, 3, 15, 0))).toEqual({ from: '2026-11-27', to: '2026-12-03' });
});

test('a range covers both days whole, in the browser zone', () => {
  const range = rangeOf('2026-12-01', '2026-12-03');
  expect(range).toEqual({
    from: new Date(2026, 11, 1).toISOString(),
    to: new Date(2026, 11, 4).toISOString(),
  });
  expect(rangeOf('2026-12-01', '2026-12-01')).toEqual({
    from: new Date(2026, 11, 1).toISOString(),
    to: new Date(2026, 11, 2).toISOString(),
  });
});

test('a backwards, empty or too long range says why', () => {
  expect(rangeOf('2026-12-03', '2026-12-01')).toEqual({ problem: 'The last day must not be before the first.' });
  expect(rangeOf('', '2026-12-01')).toEqual({ problem: 'Choose the first day.' });
  expect(rangeOf('2025-01-01', '2026-12-01')).toEqual({ problem: 'Choose at most a year.' });
});

test('fields read as words', () => {
  expect(fieldsInWords(['rawPayload', 'shipTo'])).toBe('raw order, address');
  expect(fieldsInWords(['evidence.shipments'])).toBe('evidence: shipments and addresses');
});
