import { trendGeometry, trendRange, type TrendBox } from './trend-geometry';

// A 100 × 100 plot with no margins: y = 100 - value scaled to the range.
const BOX: TrendBox = { width: 100, height: 100, left: 0, right: 0, top: 0, bottom: 0 };

test('the range holds every value and the threshold, with a point of air, within 0–100', () => {
  expect(trendRange([96, 97.5], 95)).toEqual({ low: 94, high: 99 });
  expect(trendRange([0, 2], 4)).toEqual({ low: 0, high: 5 });
  expect(trendRange([100, 100], 95)).toEqual({ low: 94, high: 100 });
  expect(trendRange([], null)).toEqual({ low: 0, high: 100 });
  expect(trendRange([50], null)).toEqual({ low: 49, high: 51 });
});

test('values spread over the width, the threshold is a horizontal line', () => {
  const geometry = trendGeometry(
    [
      { day: '2026-11-22', value: 90 },
      { day: '2026-11-23', value: 95 },
      { day: '2026-11-24', value: 100 },
    ],
    95,
    BOX,
  );
  expect(geometry.range).toEqual({ low: 89, high: 100 });
  expect(geometry.points.map((point) => point.x)).toEqual([0, 50, 100]);
  // 90 is 10 of 11 points below the top; 100 is at the top.
  expect(geometry.points.map((point) => point.y)).toEqual([90.9, 45.5, 0]);
  expect(geometry.thresholdY).toBe(45.5);
  expect(geometry.segments).toEqual(['M0,90.9 L50,45.5 L100,0']);
  expect(geometry.xLabels).toEqual([
    { x: 0, label: '11-22' },
    { x: 100, label: '11-24' },
  ]);
});

test('a day without a value breaks the line instead of dropping to zero', () => {
  const geometry = trendGeometry(
    [
      { day: '2026-11-21', value: 2 },
      { day: '2026-11-22', value: 3 },
      { day: '2026-11-23', value: null },
      { day: '2026-11-24', value: 1 },
    ],
    4,
    BOX,
  );
  expect(geometry.segments).toHaveLength(2);
  expect(geometry.points.map((point) => point.day)).toEqual(['2026-11-21', '2026-11-22', '2026-11-24']);
});

test('days the api never captured leave their gap on the axis', () => {
  const geometry = trendGeometry(
    [
      { day: '2026-11-20', value: 96 },
      { day: '2026-11-21', value: 96 },
      { day: '2026-11-24', value: 96 },
    ],
    95,
    BOX,
  );
  expect(geometry.points.map((point) => point.x)).toEqual([0, 25, 100]);
});

test('no threshold, no line; a single day sits in the middle', () => {
  const geometry = trendGeometry([{ day: '2026-11-24', value: 50 }], null, BOX);
  expect(geometry.thresholdY).toBeNull();
  expect(geometry.points).toEqual([{ x: 50, y: 50, day: '2026-11-24', value: 50 }]);
  expect(geometry.yTicks.map((tick) => tick.label)).toEqual(['51%', '50%', '49%']);
});
