import {
  channelLabel,
  channelProfile,
  MCF_PROVIDER_CHANNELS,
  MCF_REQUIRED_FEATURES,
  mcfSpeedFor,
} from '@order-hub/rules';
import type { Channel, McfCreatePayload, PostalAddress } from '@order-hub/types';

/** The channels whose accounts can fulfil through MCF, as people call them ("Amazon"). */
export const MCF_PROVIDERS_LABEL = MCF_PROVIDER_CHANNELS.map(channelLabel).join(' or ');

export interface McfSourceOrder {
  id: string;
  channel: Channel;
  channelOrderId: string;
  customerOrderId: string | null;
  orderedAt: Date;
  shipMethod: string | null;
  shipTo: PostalAddress | null;
  lines: { lineNumber: string; sku: string; open: number }[];
}

/** Amazon's id for the fulfillment order, derived from the origin order so a retried create can never make a second one. */
export function sellerFulfillmentOrderId(order: Pick<McfSourceOrder, 'channel' | 'channelOrderId'>): string {
  return `OH-${channelProfile(order.channel).idPrefix}-${order.channelOrderId}`.slice(0, 40);
}

/**
 * The create request: the channel's order number on the packing slip, no Amazon branding, both features Required.
 * `amazonSkus` is the SKU map (seller SKU → Amazon seller SKU); a SKU it does not name goes as it is.
 */
export function mcfCreatePayload(
  order: McfSourceOrder,
  marketplaceId: string,
  speed = mcfSpeedFor(order.shipMethod),
  amazonSkus: ReadonlyMap<string, string> = new Map(),
): McfCreatePayload {
  if (!order.shipTo) throw new Error(`Order ${order.channelOrderId} has no ship-to address`);
  const a = order.shipTo;
  const number = order.customerOrderId ?? order.channelOrderId;
  return {
    sellerFulfillmentOrderId: sellerFulfillmentOrderId(order),
    marketplaceId,
    displayableOrderId: number.slice(0, 40),
    displayableOrderDate: order.orderedAt.toISOString(),
    displayableOrderComment: `Thank you for your order ${number}.`.slice(0, 250),
    shippingSpeedCategory: speed,
    destinationAddress: {
      name: a.name,
      addressLine1: a.line1,
      ...(a.line2 ? { addressLine2: a.line2 } : {}),
      city: a.city,
      stateOrRegion: a.stateOrRegion,
      postalCode: a.postalCode,
      countryCode: a.countryCode,
      ...(a.phone ? { phone: a.phone } : {}),
    },
    featureConstraints: MCF_REQUIRED_FEATURES,
    items: order.lines
      .filter((l) => l.open > 0)
      .map((l) => ({
        sellerSku: amazonSkus.get(l.sku) ?? l.sku,
        sellerFulfillmentOrderItemId: l.lineNumber.slice(0, 50),
        quantity: l.open,
      })),
  };
}
