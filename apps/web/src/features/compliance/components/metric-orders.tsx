import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { currentCursor, pageRangeLabel, popCursor, pushCursor, type CursorStack } from '../../../lib/cursor-stack';
import { formatDateTime } from '../../../lib/format';
import { Pager } from '../../orders/components/pager';
import { StatusBadge } from '../../orders/components/order-status';
import { useMetricOrders, type ReportScope } from '../api/compliance.hooks';

const PAGE_SIZE = 20;

interface MetricOrdersProps {
  scope: ReportScope;
  asOf: string;
  metricKey: string;
  category: string | null;
}

/** The orders behind a metric's numerator, as of the report's instant, a page at a time. */
export function MetricOrders({ scope, asOf, metricKey, category }: MetricOrdersProps) {
  const [cursors, setCursors] = useState<CursorStack>([]);
  const orders = useMetricOrders({ ...scope, asOf, key: metricKey, category, first: PAGE_SIZE, after: currentCursor(cursors) });
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
    <div className="metric-orders" data-testid="metric-orders" data-total={page.totalCount} data-stale={orders.isPlaceholderData}>
      <table className={`grid compact${orders.isPlaceholderData ? ' stale' : ''}`}>
        <thead>
          <tr>
            <th>Order</th>
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
                <Link to={`/orders/${node.id}`} className="mono" data-testid="metric-order-link">
                  {node.channelOrderId}
                </Link>
              </td>
              <td>{node.account.name}</td>
              <td>
                <StatusBadge status={node.status} />
              </td>
              <td>{formatDateTime(node.orderedAt)}</td>
              <td>{formatDateTime(node.shipBy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        // The rows shown are still the previous page's until the next one arrives.
        label={orders.isPlaceholderData ? 'Loading…' : pageRangeLabel(cursors, PAGE_SIZE, page.edges.length, page.totalCount)}
        hasPrevious={cursors.length > 0}
        hasNext={page.pageInfo.hasNextPage}
        onPrevious={() => setCursors(popCursor)}
        onNext={() => page.pageInfo.endCursor && setCursors((stack) => pushCursor(stack, page.pageInfo.endCursor!))}
      />
    </div>
  );
}
