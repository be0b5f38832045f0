import type { ComplianceMetricView } from '../api/compliance.graphql';
import { healthSentence, metricsNeedingAttention } from '../lib/health-summary';
import { formatMetricValue, formatThreshold, metricCardId } from '../lib/metric-format';
import { AccountHealthPanel, type AccountHealthEntry } from './account-health-panel';
import { MetricStatusBadge } from './metric-status-badge';

interface ComplianceSummaryProps {
  metrics: readonly ComplianceMetricView[];
  /** The channel's own account health per account; null when the channel publishes none. */
  accountHealth: readonly AccountHealthEntry[] | null;
  /** Accounts of the scope that can be fetched (the channel publishes account health), for the Refresh button. */
  refreshable: readonly { id: string; name: string }[];
}

/**
 * The band at the top of a channel's compliance page: account health in one sentence, then the failing and
 * at-risk metrics, the most urgent first, and the channel's own account health (Amazon's ODR and rating).
 */
export function ComplianceSummary({ metrics, accountHealth, refreshable }: ComplianceSummaryProps) {
  const attention = metricsNeedingAttention(metrics);
  const sentence = healthSentence(
    metrics,
    accountHealth?.map((h) => ({ accountName: h.accountName, rating: h.health.rating })) ?? null,
  );
  const tone = attention.some((m) => m.status === 'FAILING') ? 'failing' : attention.length > 0 ? 'at_risk' : 'ok';
  return (
    <section className={`compliance-summary summary-${tone}`} aria-label="Summary" data-testid="compliance-summary">
      <p className="summary-sentence" data-testid="compliance-summary-sentence">
        {sentence}
      </p>
      {attention.length > 0 && (
        <ol className="summary-attention" aria-label="Metrics needing attention" data-testid="summary-attention">
          {attention.map((m) => {
            const standard = formatThreshold(m.threshold, m.comparator);
            return (
              <li key={metricCardId(m)} data-testid="summary-metric" data-metric={m.key} data-status={m.status}>
                <MetricStatusBadge status={m.status} testId="summary-metric-status" />
                <span className="summary-metric-label">
                  {m.label}
                  {m.category && <span className="muted"> · {m.category}</span>}
                </span>
                <strong>{formatMetricValue(m.key, m.value)}</strong>
                {standard && <span className="muted">standard: {standard}</span>}
              </li>
            );
          })}
        </ol>
      )}
      {accountHealth && <AccountHealthPanel entries={accountHealth} refreshable={refreshable} />}
    </section>
  );
}
