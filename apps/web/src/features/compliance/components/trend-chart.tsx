import { formatPercent } from '../lib/metric-format';
import { DEFAULT_BOX, trendGeometry, type TrendPoint } from '../lib/trend-geometry';

interface TrendChartProps {
  label: string;
  series: readonly TrendPoint[];
  threshold: number | null;
  thresholdLabel: string | null;
}

/**
 * The metric's daily snapshots as a line, with the threshold dashed across. Drawn as plain SVG: one line and
 * one rule over at most a few dozen points does not need a chart library's weight in the bundle.
 */
export function TrendChart({ label, series, threshold, thresholdLabel }: TrendChartProps) {
  if (series.length === 0) {
    return (
      <p className="muted trend" data-testid="trend-empty">
        No daily snapshots yet: the trend starts with the first one.
      </p>
    );
  }
  const box = DEFAULT_BOX;
  const geometry = trendGeometry(series, threshold, box);
  return (
    <figure className="trend" data-testid="trend-chart" data-points={geometry.points.length}>
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-label={`${label}: ${series.length} days${thresholdLabel ? `, standard ${thresholdLabel}` : ''}`}
      >
        {geometry.yTicks.map((tick) => (
          <g key={tick.label}>
            <line className="trend-grid" x1={box.left} x2={box.width - box.right} y1={tick.y} y2={tick.y} />
            <text className="trend-axis" x={box.left - 4} y={tick.y + 3} textAnchor="end">
              {tick.label}
            </text>
          </g>
        ))}
        {geometry.thresholdY !== null && (
          <line
            className="trend-threshold"
            x1={box.left}
            x2={box.width - box.right}
            y1={geometry.thresholdY}
            y2={geometry.thresholdY}
            data-testid="trend-threshold"
          />
        )}
        {geometry.segments.map((path) => (
          <path key={path} className="trend-line" d={path} />
        ))}
        {geometry.points.map((point) => (
          <circle key={point.day} className="trend-point" cx={point.x} cy={point.y} r={2.5}>
            <title>
              {point.day}: {formatPercent(point.value)}
            </title>
          </circle>
        ))}
        {geometry.xLabels.map((tick) => (
          <text
            key={tick.label}
            className="trend-axis"
            x={tick.x}
            y={box.height - 4}
            textAnchor={tick.x < box.width / 2 ? 'start' : 'end'}
          >
            {tick.label}
          </text>
        ))}
      </svg>
      <figcaption className="muted">
        Daily, last {series.length} {series.length === 1 ? 'day' : 'days'}
        {thresholdLabel && <> · dashed: standard {thresholdLabel}</>}
      </figcaption>
    </figure>
  );
}
