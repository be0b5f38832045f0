import type { FulfillmentMethod, OrderStatus } from '../../../gql/graphql';

interface RoutableOrder {
  channel: string;
  status: OrderStatus;
  fulfillmentMethod: FulfillmentMethod;
  mcfOrder?: { status: string } | null;
}

/**
 * Why "Fulfil with Amazon MCF" is unavailable for this order (null when it is): Walmart orders the seller
 * still has to ship, not already with Amazon. One that came back NOT_ROUTED / UNFULFILLABLE / CANCELLED may be
 * tried again (stock may have arrived).
 */
export function routeUnavailableReason(order: RoutableOrder): string | null {
  if (order.channel !== 'WALMART') return 'Only Walmart orders are fulfilled through Amazon MCF.';
  if (order.status !== 'CREATED' && order.status !== 'ACKNOWLEDGED') return 'Only open orders with nothing shipped can be routed.';
  if (order.fulfillmentMethod === 'CHANNEL') return 'The channel fulfils this order.';
  const again = order.mcfOrder == null || ['NOT_ROUTED', 'UNFULFILLABLE', 'CANCELLED'].includes(order.mcfOrder.status);
  return again ? null : 'Already with Amazon MCF.';
}
