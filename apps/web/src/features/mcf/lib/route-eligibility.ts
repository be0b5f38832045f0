import type { FulfillmentMethod, OrderStatus } from '../../../gql/graphql';

interface RoutableOrder {
  channel: string;
  status: OrderStatus;
  fulfillmentMethod: FulfillmentMethod;
  mcfOrder?: { status: string } | null;
}

/**
 * Why "Fulfil with Amazon MCF" is unavailable for this order (null when it is), as the api's routing checks:
 * open, unshipped Walmart orders the seller fulfils. One that came back NOT_ROUTED may be tried again (stock
 * may have arrived); once Amazon took it (even if it later said UNFULFILLABLE) the api refuses a second time.
 */
export function routeUnavailableReason(order: RoutableOrder): string | null {
  if (order.channel !== 'WALMART') return 'Only Walmart orders are fulfilled through Amazon MCF.';
  if (order.status !== 'CREATED' && order.status !== 'ACKNOWLEDGED')
    return 'Only open orders with nothing shipped can be routed.';
  if (order.fulfillmentMethod === 'CHANNEL') return 'The channel fulfils this order.';
  if (order.fulfillmentMethod === 'MCF') return 'Already with Amazon MCF.';
  return order.mcfOrder == null || order.mcfOrder.status === 'NOT_ROUTED' ? null : 'Amazon MCF had this order before.';
}
