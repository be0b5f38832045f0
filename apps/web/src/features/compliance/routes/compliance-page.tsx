import { useState } from 'react';
import { NavLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { formatDateTime } from '../../../lib/format';
import type { Channel } from '../../../gql/graphql';
import { useComplianceReport, type ReportScope } from '../api/compliance.hooks';
import { AccountSelect } from '../components/account-select';
import { DownloadButton } from '../components/download-button';
import { MetricCard } from '../components/metric-card';
import { MetricOrders } from '../components/metric-orders';
import { channelFromSlug, compliancePath, reportCsvUrl } from '../lib/compliance-route';
import { metricCardId } from '../lib/metric-format';

const CHANNELS: { channel: Channel; label: string }[] = [
  { channel: 'WALMART', label: 'Walmart' },
  { channel: 'AMAZON', label: 'Amazon' },
];

/** One channel's compliance metrics as of now, for one account or all of them: `/compliance/:channel?account=`. */
export function CompliancePage() {
  const channel = channelFromSlug(useParams().channel);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  if (!channel) {
    return (
      <p className="empty" data-testid="compliance-unknown-channel">
        Unknown channel. Open <NavLink to="/compliance/walmart">Walmart</NavLink> or <NavLink to="/compliance/amazon">Amazon</NavLink>.
      </p>
    );
  }
  const accountId = params.get('account');
  return (
    <section className="compliance" data-testid="compliance-page" data-channel={channel}>
      <div className="page-head">
        <h1>Compliance</h1>
        <nav className="tabs" aria-label="Channel">
          {CHANNELS.map((entry) => (
            <NavLink key={entry.channel} to={compliancePath(entry.channel)} className="tab" data-testid={`compliance-tab-${entry.channel}`}>
              {entry.label}
            </NavLink>
          ))}
        </nav>
        <AccountSelect channel={channel} value={accountId} onChange={(id) => void navigate(compliancePath(channel, id))} />
      </div>
      <Report key={`${channel}:${accountId ?? ''}`} scope={{ channel, accountId }} />
    </section>
  );
}

function Report({ scope }: { scope: ReportScope }) {
  const report = useComplianceReport(scope);
  const [openCard, setOpenCard] = useState<string | null>(null);
  if (report.isPending) return <Loading label="Computing the report…" />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;

  const { asOf, policyVersion, metrics } = report.data.complianceReport;
  return (
    <>
      <div className="toolbar compliance-toolbar">
        <span className="muted" data-testid="compliance-as-of" data-as-of={asOf}>
          As of {formatDateTime(asOf)} · policy {policyVersion}
        </span>
        <DownloadButton
          url={reportCsvUrl(scope.channel, scope.accountId, asOf)}
          fileName={`compliance-${scope.channel.toLowerCase()}.csv`}
          label="Download CSV"
          testId="compliance-csv"
        />
      </div>
      {metrics.length === 0 ? (
        <p className="empty" data-testid="compliance-empty">
          No metric applies to this channel.
        </p>
      ) : (
        <div className="metric-grid">
          {metrics.map((metric) => {
            const id = metricCardId(metric);
            const open = openCard === id;
            return (
              <MetricCard key={id} metric={metric}>
                <div className="metric-actions">
                  <button
                    type="button"
                    aria-expanded={open}
                    onClick={() => setOpenCard(open ? null : id)}
                    disabled={metric.numerator === 0}
                    data-testid="metric-orders-toggle"
                  >
                    {open ? 'Hide orders' : `Orders behind the number (${metric.numerator})`}
                  </button>
                </div>
                {open && <MetricOrders scope={scope} asOf={asOf} metricKey={metric.key} />}
              </MetricCard>
            );
          })}
        </div>
      )}
    </>
  );
}
