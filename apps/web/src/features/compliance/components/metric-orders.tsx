import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { currentCursor, pageRangeLabel, popCursor, pushCursor, type CursorStack } from '@/lib/cursor-stack';
import { formatDateTime } from '@/lib/format';
import { Pager } from '@/features/orders/components/pager';
import { orderPath } from '@/features/orders/lib/order-path';
import { StatusBadge } from '@/features/orders/components/order-status';
import type { MetricOrderSet } from '@/gql/graphql';
import type { ComplianceMetricView } from '../api/compliance.graphql';
import { useMetricOrders, type ReportScope } from '../api/compliance.hooks';
import { orderSetChoices } from '../lib/metric-format';
import { metricOrderReason, trackingLine } from '../lib/metric-order-reason';

const PAGE_SIZE = 20;

interface MetricOrdersProps {
  scope: ReportScope;
  asOf: string;
  /** The account's zone for one account's report; else the browser's. */
  timeZone?: string;
  metric: Pick<ComplianceMetricView, 'key' | 'category' | 'numerator' | 'denominator' | 'defects' | 'projection'>;
}

/** A metric's orders, as of the report's instant: the set against the standard first, the others a click away. */
export function MetricOrders({ scope, asOf, metric, timeZone }: MetricOrdersProps) {
  const choices = orderSetChoices(metric);
  const [set, setSet] = useState<MetricOrderSet>(choices[0]?.set ?? metric.defects);
  const [cursors, setCursors] = useState<CursorStack>([]);
  const choose = (next: MetricOrderSet) => {
    setSet(next);
    setCursors([]);
  };
  return (
    <div className="metric-orders-panel">
      {choices.length > 1 && (
        <div className="tabs" role="group" aria-label="Which orders">
          {choices.map((choice) => (
            <button
              key={choice.set}
              type="button"
              className={`tab${set === choice.set ? ' active' : ''}`}
              aria-pressed={set === choice.set}
              onClick={() => choose(choice.set)}
              data-testid="metric-order-set"
              data-set={choice.set}
            >
              {choice.label} ({choice.count})
            </button>
          ))}
        </div>
      )}
      <MetricOrderPage
        scope={scope}
        asOf={asOf}
        metric={metric}
        set={set}
        cursors={cursors}
        setCursors={setCursors}
        timeZone={timeZone}
      />
    </div>
  );
}

interface MetricOrderPageProps extends MetricOrdersProps {
  set: MetricOrderSet;
  cursors: CursorStack;
  setCursors: (update: (stack: CursorStack) => CursorStack) => void;
}

function MetricOrderPage({ scope, asOf, metric, set, cursors, setCursors, timeZone }: MetricOrderPageProps) {
  const orders = useMetricOrders({
    ...scope,
    asOf,
    key: metric.key,
    category: metric.category ?? null,
    set,
    first: PAGE_SIZE,
    after: currentCursor(cursors),
  });
  if (orders.isPending) return <Loading label="Loading orders…" />;
  if (orders.isError) return <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />;
  const page = orders.data;
  if (!page || page.edges.length === 0) {
    return (
      <p className="empty" data-testid="metric-orders-empty">
        No order counts against this metric.
      </p>
    );
  }
  return (
    <div
      className="metric-orders"
      data-testid="metric-orders"
      data-set={set}
      data-total={page.totalCount}
      data-stale={orders.isPlaceholderData}
    >
      <table className={`grid compact${orders.isPlaceholderData ? ' stale' : ''}`}>
        <thead>
          <tr>
            <th>Order</th>
            <th>Why it counts</th>
            <th>Tracking</th>
            <th>Account</th>
            <th>Status</th>
            <th>Ordered</th>
            <th>Ship by</th>
          </tr>
        </thead>
        <tbody>
          {page.edges.map(({ node }) => (
            <tr key={node.id} data-testid="metric-order-row" data-order-id={node.id}>
              <td>
                <Link to={orderPath(node)} className="mono" data-testid="metric-order-link">
                  {node.channelOrderId}
                </Link>
              </td>
              <td data-testid="metric-order-reason">
                {metricOrderReason(metric.key, set, metric.defects, node, timeZone)}
              </td>
              <td className="mono" data-testid="metric-order-tracking">
                {trackingLine(node) ?? '—'}
              </td>
              <td>{node.account.name}</td>
              <td>
                <StatusBadge status={node.status} />
              </td>
              <td>{formatDateTime(node.orderedAt, timeZone)}</td>
              <td>{formatDateTime(node.shipBy, timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        // The rows shown are still the previous page's until the next one arrives.
        label={
          orders.isPlaceholderData ? 'Loading…' : pageRangeLabel(cursors, PAGE_SIZE, page.edges.length, page.totalCount)
        }
        hasPrevious={cursors.length > 0}
        hasNext={page.pageInfo.hasNextPage}
        onPrevious={() => setCursors(popCursor)}
        onNext={() => page.pageInfo.endCursor && setCursors((stack) => pushCursor(stack, page.pageInfo.endCursor!))}
      />
    </div>
  );
}
