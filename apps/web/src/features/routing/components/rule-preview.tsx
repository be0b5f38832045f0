import { ErrorState } from '@/components/error-state';
import { formatDateTime } from '@/lib/format';
import type { PreviewOrderView } from '../api/routing.graphql';

const SHOWN = 10;

interface RulePreviewProps {
  orders: readonly PreviewOrderView[] | undefined;
  pending: boolean;
  error: unknown;
}

/** The open orders the rule as typed would route: how many, and the first few. */
export function RulePreview({ orders, pending, error }: RulePreviewProps) {
  if (pending)
    return (
      <p className="muted" data-testid="rule-preview-loading">
        Looking for matching orders…
      </p>
    );
  if (error) return <ErrorState title="No preview" error={error} />;
  if (!orders) return null;
  return (
    <div className="rule-preview" data-testid="rule-preview">
      <p data-testid="rule-preview-count">
        {orders.length === 0
          ? 'No open order matches this rule.'
          : `${orders.length} open order${orders.length === 1 ? '' : 's'} would be routed.`}
      </p>
      {orders.length > 0 && (
        <table className="grid compact">
          <thead>
            <tr>
              <th>Order</th>
              <th>Ship to</th>
              <th>SKUs</th>
              <th>Ship by</th>
            </tr>
          </thead>
          <tbody>
            {orders.slice(0, SHOWN).map((order) => (
              <tr key={order.id} data-testid="rule-preview-row">
                <td>
                  <a href={`/orders/${order.id}`} target="_blank" rel="noreferrer">
                    {order.channelOrderId}
                  </a>
                </td>
                <td>
                  {order.shipTo?.name ?? '—'} {order.shipTo?.countryCode && `(${order.shipTo.countryCode})`}
                </td>
                <td className="mono">{order.lines.map((line) => `${line.sku}×${line.quantityOrdered}`).join(', ')}</td>
                <td>{formatDateTime(order.shipBy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {orders.length > SHOWN && <p className="muted">…and {orders.length - SHOWN} more.</p>}
    </div>
  );
}
