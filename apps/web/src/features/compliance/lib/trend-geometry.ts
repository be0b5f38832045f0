// Where a metric's daily values and its threshold land in a small SVG chart. Pure, so the arithmetic is tested
// without a browser; the component only draws what this returns.

export interface TrendPoint {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  value: number | null;
}

export interface TrendBox {
  width: number;
  height: number;
  /** Room for the y labels on the left and the day labels below. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export const DEFAULT_BOX: TrendBox = { width: 560, height: 160, left: 40, bottom: 20, top: 8, right: 8 };

export interface TrendGeometry {
  /** One SVG path per run of measured days: a day without a value breaks the line rather than reading as 0. */
  segments: string[];
  points: { x: number; y: number; day: string; value: number }[];
  thresholdY: number | null;
  yTicks: { y: number; label: string }[];
  xLabels: { x: number; label: string }[];
  range: { low: number; high: number };
}

/** The y range: every value and the threshold, a point of air around them, whole percents within 0–100. */
export function trendRange(values: readonly number[], threshold: number | null): { low: number; high: number } {
  const all = threshold === null ? [...values] : [...values, threshold];
  if (all.length === 0) return { low: 0, high: 100 };
  let low = Math.max(0, Math.floor(Math.min(...all) - 1));
  let high = Math.min(100, Math.ceil(Math.max(...all) + 1));
  if (high - low < 2) {
    low = Math.max(0, low - 1);
    high = Math.min(100, low + 2);
  }
  return { low, high };
}

const round = (n: number) => Math.round(n * 10) / 10;

export function trendGeometry(
  series: readonly TrendPoint[],
  threshold: number | null,
  box: TrendBox = DEFAULT_BOX,
): TrendGeometry {
  const measured = series.filter((point): point is TrendPoint & { value: number } => point.value !== null);
  const range = trendRange(
    measured.map((point) => point.value),
    threshold,
  );
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  // Placed by date, not by index: the api leaves out days it never captured, and a gap must look like one.
  const dayMs = series.map((point) => Date.parse(`${point.day}T00:00:00Z`));
  const first = dayMs[0] ?? 0;
  const span = (dayMs.at(-1) ?? first) - first;
  const x = (index: number) =>
    round(box.left + (span === 0 ? plotWidth / 2 : ((dayMs[index] - first) * plotWidth) / span));
  const y = (value: number) => round(box.top + ((range.high - value) * plotHeight) / (range.high - range.low));

  const segments: string[] = [];
  const points: TrendGeometry['points'] = [];
  let current: string[] = [];
  series.forEach((point, index) => {
    if (point.value === null) {
      if (current.length > 0) segments.push(current.join(' '));
      current = [];
      return;
    }
    const px = x(index);
    const py = y(point.value);
    points.push({ x: px, y: py, day: point.day, value: point.value });
    current.push(`${current.length === 0 ? 'M' : 'L'}${px},${py}`);
  });
  if (current.length > 0) segments.push(current.join(' '));

  const mid = (range.low + range.high) / 2;
  const ticks = [...new Set([range.high, Number(mid.toFixed(1)), range.low])];
  const xLabels =
    series.length === 0
      ? []
      : series.length === 1
        ? [{ x: x(0), label: series[0].day.slice(5) }]
        : [
            { x: x(0), label: series[0].day.slice(5) },
            { x: x(series.length - 1), label: series.at(-1)!.day.slice(5) },
          ];
  return {
    segments,
    points,
    thresholdY: threshold === null ? null : y(threshold),
    yTicks: ticks.map((value) => ({ y: y(value), label: `${value}%` })),
    xLabels,
    range,
  };
}
