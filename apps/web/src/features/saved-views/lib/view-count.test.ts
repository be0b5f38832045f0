import { formatViewCount } from './view-count';

test('exact counts are shown in full, estimates rounded to three figures with "about"', () => {
  expect(formatViewCount({ count: 0, exact: true })).toBe('0');
  expect(formatViewCount({ count: 12_345, exact: true })).toBe('12,345');
  expect(formatViewCount({ count: 987, exact: false })).toBe('about 987');
  expect(formatViewCount({ count: 12_345, exact: false })).toBe('about 12,300');
  expect(formatViewCount({ count: 1_004_999, exact: false })).toBe('about 1,000,000');
});
