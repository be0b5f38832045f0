import type { ReactNode } from 'react';
import type { ComplianceMetricView } from '../api/compliance.graphql';
import {
  awaitingFirstScanLine,
  boughtLabelsLine,
  carrierDataLine,
  formatMetricValue,
  formatThreshold,
  formatWindow,
  metricCardId,
  projectionSentence,
  reasonLabel,
} from '../lib/metric-format';
import { MetricStatusBadge } from './metric-status-badge';

interface MetricCardProps {
  metric: ComplianceMetricView;
  /** The account's time zone when the report is one account's; else the browser's. */
  timeZone?: string;
  /** The orders toggle, the trend and the plan of action, supplied by the page. */
  children?: ReactNode;
}

export function MetricCard({ metric, timeZone, children }: MetricCardProps) {
  const threshold = formatThreshold(metric.threshold, metric.comparator);
  const awaiting = awaitingFirstScanLine(metric.awaitingFirstScan);
  const bought = boughtLabelsLine(metric.trackingValidByConstruction);
  const projection = projectionSentence(metric.projection, metric.threshold, metric.comparator, timeZone, metric.key);
  return (
    <article
      className={`metric-card metric-${metric.status.toLowerCase()}`}
      data-testid="metric-card"
      data-metric={metric.key}
      data-card-id={metricCardId(metric)}
      data-status={metric.status}
      aria-label={metric.category ? `${metric.label}, ${metric.category}` : metric.label}
    >
      <header className="metric-head">
        <div>
          <h3 data-testid="metric-label">{metric.label}</h3>
          {metric.category && (
            <span className="metric-category" data-testid="metric-category">
              {metric.category}
            </span>
          )}
        </div>
        <MetricStatusBadge status={metric.status} />
      </header>
      <div className="metric-figures">
        <strong className={`metric-value${metric.value == null ? ' unmeasured' : ''}`} data-testid="metric-value">
          {formatMetricValue(metric.key, metric.value)}
        </strong>
        <span className="muted" data-testid="metric-ratio">
          {metric.numerator} of {metric.denominator}
        </span>
        <span data-testid="metric-threshold">{threshold ? `Standard: ${threshold}` : 'No published standard'}</span>
      </div>
      <dl className="facts metric-facts">
        <dt>Window</dt>
        <dd data-testid="metric-window">
          {formatWindow(metric.windowDays, metric.windowStart, metric.windowEnd, timeZone)}
        </dd>
        <dt>Policy</dt>
        <dd data-testid="metric-policy">{metric.policyVersion}</dd>
        <dt>Carrier data</dt>
        <dd
          data-testid="metric-carrier-data"
          data-uses-carrier-data={metric.carrierData.usesCarrierData}
          data-as-of={metric.carrierData.asOf ?? ''}
          title={metric.carrierData.note}
        >
          {carrierDataLine(metric.carrierData, timeZone)}
        </dd>
        {awaiting && (
          <>
            <dt>Awaiting scan</dt>
            <dd data-testid="metric-awaiting-first-scan" data-count={metric.awaitingFirstScan}>
              {awaiting}
            </dd>
          </>
        )}
        {bought && (
          <>
            <dt>Labels bought</dt>
            <dd data-testid="metric-bought-labels" data-count={metric.trackingValidByConstruction}>
              {bought}
            </dd>
          </>
        )}
        {metric.exclusions.length > 0 && (
          <>
            <dt>Excluded</dt>
            <dd>
              <ul className="metric-exclusions" data-testid="metric-exclusions">
                {metric.exclusions.map((exclusion) => (
                  <li key={exclusion.reason} data-reason={exclusion.reason}>
                    {reasonLabel(exclusion.reason)}: {exclusion.count}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {projection && (
        <p
          className={`metric-projection metric-${metric.projection!.statusIfAllMiss.toLowerCase()}`}
          data-testid="metric-projection"
        >
          {projection}
        </p>
      )}
      {children}
    </article>
  );
}
