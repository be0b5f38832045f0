import type { FulfillmentMethod, OrderLineStatus, OrderStatus } from '@/gql/graphql';

/**
 * Whether the seller still has to ship, so deadlines matter: the same rule as the server's inbox views
 * (orders the channel fulfils, and pending ones, are not the seller's to ship).
 */
export function isAwaitingShipment(order: { status: OrderStatus; fulfillmentMethod: FulfillmentMethod }): boolean {
  if (order.fulfillmentMethod === 'CHANNEL') return false;
  switch (order.status) {
    case 'CREATED':
    case 'ACKNOWLEDGED':
    case 'PARTIALLY_SHIPPED':
      return true;
    case 'PENDING':
    case 'SHIPPED':
    case 'DELIVERED':
    case 'CANCELLED':
      return false;
  }
}

const STATUS_WORDS: Record<OrderStatus | OrderLineStatus, string> = {
  PENDING: 'Pending',
  CREATED: 'New',
  ACKNOWLEDGED: 'Acknowledged',
  PARTIALLY_SHIPPED: 'Partly shipped',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
  REFUNDED: 'Refunded',
};

/** The status in words; the API's code stays in `data-status` and the tooltip. */
export function StatusBadge({ status }: { status: OrderStatus | OrderLineStatus }) {
  return (
    <span className={`status status-${status.toLowerCase()}`} data-status={status} title={status}>
      {STATUS_WORDS[status]}
    </span>
  );
}

/** The buyer asked to cancel (the order or some line): cancel rather than ship, or ship knowingly. */
export function BuyerCancelBadge() {
  return (
    <span
      className="badge badge-warn buyer-cancel"
      title="The buyer asked to cancel this order or some of its lines."
      data-testid="buyer-cancel-badge"
    >
      Buyer asked to cancel
    </span>
  );
}
