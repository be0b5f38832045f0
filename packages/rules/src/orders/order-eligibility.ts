import { CHANNELS, OrderStatus, type Channel, type FulfillmentMethod, type McfStatus } from '@order-hub/types';
import { channelLabel, channelProfile, MCF_PROVIDER_CHANNELS } from '../channels/channel-profile';

interface LineUnits {
  quantityOrdered: number;
  quantityShipped: number;
  quantityCancelled: number;
}

/** What the eligibility rules read of an order; the api's entities and the console's query both fit. */
export interface EligibleOrder {
  channel: Channel;
  status: OrderStatus;
  fulfillmentMethod: FulfillmentMethod;
  lines: readonly LineUnits[];
  /** The order's MCF record, when it was ever routed (the console's query reads its status as a plain string). */
  mcfOrder?: { status: McfStatus | (string & {}) } | null;
}

/** Units still to ship or cancel on a line. */
export function openUnits(line: LineUnits): number {
  return Math.max(0, line.quantityOrdered - line.quantityShipped - line.quantityCancelled);
}

/** Why the seller cannot act on the order at all (null when they can): the channel fulfils it. */
export function sellerCannotActReason(order: Pick<EligibleOrder, 'channel' | 'fulfillmentMethod'>): string | null {
  return order.fulfillmentMethod === 'CHANNEL'
    ? `It is fulfilled by ${channelProfile(order.channel).channelFulfilmentLabel}; the seller cannot act on it.`
    : null;
}

/** Why each operator action is unavailable for the order (null when it is available). */
export function orderActionReasons(order: EligibleOrder): {
  acknowledge: string | null;
  ship: string | null;
  cancel: string | null;
  refund: string | null;
} {
  const profile = channelProfile(order.channel);
  const open = order.lines.reduce((sum, line) => sum + openUnits(line), 0);
  const shipped = order.lines.some((line) => line.quantityShipped > 0);
  const refunds = profile.refunds;
  return {
    acknowledge: !profile.needsAcknowledgement
      ? `${profile.label} orders need no acknowledgement.`
      : order.status !== OrderStatus.CREATED
        ? 'Already acknowledged.'
        : null,
    ship:
      open === 0
        ? 'Nothing is left to ship.'
        : order.fulfillmentMethod === 'MCF'
          ? `Routed to ${MCF_PROVIDER_CHANNELS.map(channelLabel).join(' or ')} MCF: the fulfilment centre ships it and its tracking comes back by itself.`
          : null,
    cancel: open === 0 ? 'Nothing is left to cancel.' : null,
    refund: !refunds.throughApi ? refunds.reason : !shipped ? 'Nothing has shipped yet: cancel instead.' : null,
  };
}

/**
 * Why routing the order to MCF is unavailable (null when it is): open, unshipped orders of an MCF origin channel
 * that the seller fulfils. One that came back NOT_ROUTED may be tried again (stock may have arrived); once the
 * provider took it (even if it later said UNFULFILLABLE) a second route is refused.
 */
export function routeUnavailableReason(order: Omit<EligibleOrder, 'lines'>): string | null {
  const profile = channelProfile(order.channel);
  const mcf = `${MCF_PROVIDER_CHANNELS.map(channelLabel).join(' or ')} MCF`;
  if (!profile.mcf.origin) {
    const origins = CHANNELS.filter((c) => channelProfile(c).mcf.origin).map(channelLabel);
    return `Only ${origins.join(' and ')} orders are fulfilled through ${mcf}.`;
  }
  if (order.status !== OrderStatus.CREATED && order.status !== OrderStatus.ACKNOWLEDGED)
    return 'Only open orders with nothing shipped can be routed.';
  if (order.fulfillmentMethod === 'CHANNEL') return 'The channel fulfils this order.';
  if (order.fulfillmentMethod === 'MCF') return `Already with ${mcf}.`;
  return order.mcfOrder == null || order.mcfOrder.status === 'NOT_ROUTED' ? null : `${mcf} had this order before.`;
}

/** Lines the buyer asked to cancel that the channel wants an explicit override to ship (Walmart's intentToCancelOverride). */
export function linesNeedingCancelOverride<TLine extends { cancellationRequested: boolean }>(order: {
  channel: Channel;
  lines: readonly TLine[];
}): TLine[] {
  return channelProfile(order.channel).buyerCancelRequestNeedsOverride
    ? order.lines.filter((line) => line.cancellationRequested)
    : [];
}
