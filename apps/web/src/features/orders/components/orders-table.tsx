import type { MouseEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { formatDateTime, formatMoney } from '@/lib/format';
import type { OrderRow } from '@/features/shared/api/orders.graphql';
import { Deadline } from './deadline';
import { ChannelRefusedBadge } from '@/features/outbox/components/channel-refused-badge';
import { BuyerCancelBadge, isAwaitingShipment, StatusBadge } from './order-status';

export interface RowSelection {
  selected: ReadonlySet<string>;
  onChange: (ids: readonly string[], selected: boolean) => void;
}

interface OrdersTableProps {
  orders: OrderRow[];
  /** True while the rows shown belong to the previous filter or page. */
  stale: boolean;
  /** Checkboxes for bulk actions; none without it. */
  selection?: RowSelection;
}

export function OrdersTable({ orders, stale, selection }: OrdersTableProps) {
  const navigate = useNavigate();
  const { search } = useLocation();
  // The detail page links back to the inbox exactly as it was.
  const linkState = { inboxSearch: search };

  const openRow = (event: MouseEvent, id: string) => {
    // Links, and the selection cell around its checkbox, do their own thing.
    if ((event.target as HTMLElement).closest('a, input, label, td.select')) return;
    void navigate(`/orders/${id}`, { state: linkState });
  };

  return (
    <table className={stale ? 'grid stale' : 'grid'} aria-busy={stale} data-testid="orders-table">
      <thead>
        <tr>
          {selection && (
            <th className="select">
              <input
                type="checkbox"
                aria-label="Select every order on this page"
                checked={orders.length > 0 && orders.every((order) => selection.selected.has(order.id))}
                onChange={(event) =>
                  selection.onChange(
                    orders.map((order) => order.id),
                    event.target.checked,
                  )
                }
                data-testid="select-all-orders"
              />
            </th>
          )}
          <th>Order</th>
          <th>Channel</th>
          <th>Account</th>
          <th>Customer</th>
          <th>Ordered</th>
          <th>Ship by</th>
          <th>Status</th>
          <th className="num">Items</th>
          <th className="num">Total</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr
            key={order.id}
            className="clickable"
            onClick={(event) => openRow(event, order.id)}
            data-testid="order-row"
          >
            {selection && (
              <td className="select">
                <input
                  type="checkbox"
                  aria-label={`Select ${order.channelOrderId}`}
                  checked={selection.selected.has(order.id)}
                  onChange={(event) => selection.onChange([order.id], event.target.checked)}
                  data-testid="select-order"
                />
              </td>
            )}
            <td>
              <Link to={`/orders/${order.id}`} state={linkState} data-testid="order-number">
                {order.channelOrderId}
              </Link>
              {order.cancellationRequested && <BuyerCancelBadge />}
              {order.channelRefusals[0] && <ChannelRefusedBadge refusal={order.channelRefusals[0]} />}
            </td>
            <td data-testid="order-channel">{order.channel}</td>
            <td>{order.account.name}</td>
            <td>{order.shipTo?.name ?? '—'}</td>
            <td>{formatDateTime(order.orderedAt)}</td>
            <td>
              <Deadline at={order.shipBy} open={isAwaitingShipment(order)} />
            </td>
            <td data-testid="order-status">
              <StatusBadge status={order.status} />
            </td>
            <td className="num">{order.lines.reduce((sum, line) => sum + line.quantityOrdered, 0)}</td>
            <td className="num">{formatMoney(order.total.amountCents, order.total.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
