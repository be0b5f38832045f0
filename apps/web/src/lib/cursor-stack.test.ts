import { currentCursor, pageRangeLabel, popCursor, pushCursor } from './cursor-stack';

test('walks forward and back through pages', () => {
  const first: readonly string[] = [];
  expect(currentCursor(first)).toBeNull();

  const second = pushCursor(first, 'c50');
  const third = pushCursor(second, 'c100');
  expect(currentCursor(third)).toBe('c100');
  expect(first).toEqual([]);

  const back = popCursor(third);
  expect(back).toEqual(['c50']);
  expect(currentCursor(popCursor(back))).toBeNull();
  expect(popCursor([])).toEqual([]);
});

test('labels the rows shown on the current page', () => {
  expect(pageRangeLabel([], 50, 50, 312)).toBe('1–50 of 312');
  expect(pageRangeLabel(['a'], 50, 50, 312)).toBe('51–100 of 312');
  expect(pageRangeLabel(['a', 'b', 'c', 'd', 'e', 'f'], 50, 12, 312)).toBe('301–312 of 312');
  expect(pageRangeLabel([], 50, 0, 0)).toBe('0 of 0');
});
