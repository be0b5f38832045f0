import { channelLabel } from '@order-hub/rules';
import { formatMoney, formatZonedDateTime } from '@/lib/format';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { shippingSummary } from '../lib/order-words';
import { BuyerCancelBadge, StatusBadge } from './order-status';

export function OrderHeader({ order }: { order: OrderDetail }) {
  return (
    <section className="order-header" data-testid="order-header">
      <div>
        <h1 data-testid="order-title">{order.channelOrderId}</h1>
        <div className="meta">
          <span>{channelLabel(order.channel)}</span>
          <span>
            {order.account.name} ({order.account.marketplace}
            {order.account.environment === 'SANDBOX' && ', sandbox'})
          </span>
          {order.customerOrderId && <span>Customer order {order.customerOrderId}</span>}
          {order.orderType === 'REPLACEMENT' && (
            <span className="badge" data-testid="replacement-order">
              Replacement
              {order.originalCustomerOrderId ? ` for customer order ${order.originalCustomerOrderId}` : ' order'}
            </span>
          )}
          {order.shipNodeType === '3PLFulfilled' && (
            <span data-testid="ship-node">Shipped by your third-party logistics provider (3PL)</span>
          )}
          <span>Ordered {formatZonedDateTime(order.orderedAt, order.account.timeZone)}</span>
          <span
            title={[order.fulfillmentMethod, order.shipMethod].filter(Boolean).join(' · ')}
            data-testid="order-shipping-summary"
          >
            {shippingSummary(order.channel, order.fulfillmentMethod, order.shipMethod)}
          </span>
        </div>
      </div>
      <div className="header-side">
        <StatusBadge status={order.status} />
        {(order.cancellationRequested || order.lines.some((line) => line.cancellationRequested)) && (
          <BuyerCancelBadge />
        )}
        <strong className="total" data-testid="order-total">
          {formatMoney(order.total.amountCents, order.total.currency)}
        </strong>
      </div>
    </section>
  );
}
