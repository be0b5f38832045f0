import { expiresAtOf, tomorrowInput } from './token-expiry';

test('a chosen day expires at its end, in the browser’s zone; no day never expires', () => {
  const at = new Date(expiresAtOf('2027-01-31')!);
  expect([at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes()]).toEqual([
    2027, 0, 31, 23, 59,
  ]);
  expect(expiresAtOf('')).toBeUndefined();
});

test('the earliest expiry offered is tomorrow', () => {
  expect(tomorrowInput(new Date(2026, 11, 31, 15, 0))).toBe('2027-01-01');
});
