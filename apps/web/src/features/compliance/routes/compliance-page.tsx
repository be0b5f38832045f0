import { Fragment, useState } from 'react';
import { sortMetricsBySeverity } from '@order-hub/rules';
import { channelLabel, channelProfile } from '@order-hub/rules/channels';
import { CHANNELS } from '@order-hub/types';
import { NavLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { formatZonedDateTime } from '@/lib/format';
import { useComplianceAccounts, useComplianceReport, type ReportScope } from '../api/compliance.hooks';
import { AccountSelect } from '../components/account-select';
import { DownloadButton } from '../components/download-button';
import { MetricCard } from '../components/metric-card';
import { MetricOrders } from '../components/metric-orders';
import { PlanOfActionEditor } from '../components/plan-of-action-editor';
import { TrendChart } from '../components/trend-chart';
import { channelFromSlug, compliancePath, reportCsvUrl } from '../lib/compliance-route';
import { formatThreshold, metricCardId, orderSetChoices, ordersButtonLabel } from '../lib/metric-format';
import { CarrierDataLine } from '../components/carrier-data-line';
import { ComplianceSummary } from '../components/compliance-summary';
import { ReturnsPanel } from '../components/returns-panel';
import { SellerResponseTile } from '../components/seller-response-tile';

type Panel = 'orders' | 'plan';

/** One channel's compliance metrics as of now, for one account or all of them: `/compliance/:channel?account=`. */
export function CompliancePage() {
  const channel = channelFromSlug(useParams().channel);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  if (!channel) {
    return (
      <p className="empty" data-testid="compliance-unknown-channel">
        Unknown channel. Open{' '}
        {CHANNELS.map((c, i) => (
          <Fragment key={c}>
            {i > 0 && ' or '}
            <NavLink to={compliancePath(c)}>{channelLabel(c)}</NavLink>
          </Fragment>
        ))}
        .
      </p>
    );
  }
  const accountId = params.get('account');
  return (
    <section className="compliance" data-testid="compliance-page" data-channel={channel}>
      <div className="page-head">
        <h1>Compliance</h1>
        <nav className="tabs" aria-label="Channel">
          {CHANNELS.map((c) => (
            <NavLink key={c} to={compliancePath(c)} className="tab" data-testid={`compliance-tab-${c}`}>
              {channelLabel(c)}
            </NavLink>
          ))}
        </nav>
        <AccountSelect
          channel={channel}
          value={accountId}
          onChange={(id) => void navigate(compliancePath(channel, id))}
        />
      </div>
      <Report key={`${channel}:${accountId ?? ''}`} scope={{ channel, accountId }} />
    </section>
  );
}

function Report({ scope }: { scope: ReportScope }) {
  // One panel open at a time across the page: the orders of a metric, or its plan of action.
  const [open, setOpen] = useState<{ card: string; panel: Panel } | null>(null);
  const report = useComplianceReport(scope, { live: open === null });
  const accounts = useComplianceAccounts().data?.channelAccounts ?? [];
  // One account's report reads in its time zone; all accounts' in the browser's.
  const timeZone = accounts.find((a) => a.id === scope.accountId)?.timeZone;
  if (report.isPending) return <Loading label="Computing the report…" />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;

  const { asOf, policyVersion, carrierData, accountHealth, returns, sellerResponse } = report.data.complianceReport;
  // The metrics that need the seller most come first, failing then at risk: not the channel's definition order.
  const metrics = sortMetricsBySeverity(report.data.complianceReport.metrics);
  const account = (id: string) => accounts.find((a) => a.id === id);
  const healthEntries =
    accountHealth?.map((health) => ({
      health,
      accountName: account(health.accountId)?.name ?? 'Account',
      timeZone: account(health.accountId)?.timeZone,
    })) ?? null;
  const refreshable = channelProfile(scope.channel).accountHealthReport
    ? accounts.filter(
        (a) => a.channel === scope.channel && !a.disabledAt && (scope.accountId === null || a.id === scope.accountId),
      )
    : [];
  return (
    <>
      <div className="toolbar compliance-toolbar">
        <span className="muted" data-testid="compliance-as-of" data-as-of={asOf}>
          As of {formatZonedDateTime(asOf, timeZone)} · policy {policyVersion}
        </span>
        <DownloadButton
          url={reportCsvUrl(scope.channel, scope.accountId, asOf)}
          fileName={`compliance-${scope.channel.toLowerCase()}.csv`}
          label="Download CSV"
          testId="compliance-csv"
        />
      </div>
      <ComplianceSummary metrics={metrics} accountHealth={healthEntries} refreshable={refreshable} />
      <CarrierDataLine status={carrierData} timeZone={timeZone} />
      {metrics.length === 0 ? (
        <p className="empty" data-testid="compliance-empty">
          No metric applies to this channel.
        </p>
      ) : (
        <div className="metric-grid">
          {metrics.map((metric) => {
            const id = metricCardId(metric);
            const panel = open?.card === id ? open.panel : null;
            const toggle = (next: Panel) => setOpen(panel === next ? null : { card: id, panel: next });
            const category = metric.category ?? null;
            return (
              <MetricCard key={id} metric={metric} timeZone={timeZone}>
                <TrendChart
                  label={metric.label}
                  series={metric.trend.map((snapshot) => ({ day: snapshot.day, value: snapshot.value ?? null }))}
                  threshold={metric.threshold ?? null}
                  thresholdLabel={formatThreshold(metric.threshold, metric.comparator)}
                />
                <div className="metric-actions">
                  <button
                    type="button"
                    aria-expanded={panel === 'orders'}
                    onClick={() => toggle('orders')}
                    disabled={orderSetChoices(metric).length === 0}
                    data-testid="metric-orders-toggle"
                  >
                    {panel === 'orders' ? 'Hide orders' : `Orders ${ordersButtonLabel(metric)}`}
                  </button>
                  {(metric.status === 'FAILING' || metric.status === 'AT_RISK') && (
                    <button
                      type="button"
                      aria-expanded={panel === 'plan'}
                      onClick={() => toggle('plan')}
                      data-testid="metric-plan-toggle"
                    >
                      {panel === 'plan' ? 'Close plan of action' : 'Plan of action'}
                    </button>
                  )}
                </div>
                {panel === 'orders' && <MetricOrders scope={scope} asOf={asOf} metric={metric} timeZone={timeZone} />}
                {panel === 'plan' && (
                  <PlanOfActionEditor
                    scope={{ ...scope, metric: metric.key, category, windowEnd: asOf }}
                    title={[channelLabel(scope.channel), metric.label, category].filter(Boolean).join(' · ')}
                  />
                )}
              </MetricCard>
            );
          })}
        </div>
      )}
      <SellerResponseTile channel={scope.channel} sellerResponse={sellerResponse} />
      <ReturnsPanel channel={scope.channel} returns={returns} timeZone={timeZone} />
    </>
  );
}
