import type { CarrierCode, Channel, McfCreatePayload, PostalAddress } from '@order-hub/types';

/** For an order of another channel both are Required, whatever the seller's account default: no exceptions. */
export const MCF_REQUIRED_FEATURES: McfCreatePayload['featureConstraints'] = [
  { featureName: 'BLOCK_AMZL', featureFulfillmentPolicy: 'Required' },
  { featureName: 'BLANK_BOX', featureFulfillmentPolicy: 'Required' },
];

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
  return `OH-${order.channel === 'WALMART' ? 'WM' : 'AZ'}-${order.channelOrderId}`.slice(0, 40);
}

export const MCF_SPEEDS: McfCreatePayload['shippingSpeedCategory'][] = ['Standard', 'Expedited', 'Priority'];

/** The least MCF speed the channel's ship method asks for (a faster one may be needed to keep the delivery promise). */
export function mcfSpeedFor(shipMethod: string | null): McfCreatePayload['shippingSpeedCategory'] {
  const m = (shipMethod ?? '').toLowerCase();
  if (['oneday', 'one_day', 'nextday', 'rush', 'priority'].some((k) => m.replace(/[\s-]/g, '').includes(k.replace('_', '')))) return 'Priority';
  if (['express', 'expedited', 'twoday', 'secondday'].some((k) => m.replace(/[\s-]/g, '').includes(k))) return 'Expedited';
  return 'Standard';
}

/** The create request: the channel's order number on the packing slip, no Amazon branding, both features Required. */
export function mcfCreatePayload(order: McfSourceOrder, marketplaceId: string, speed = mcfSpeedFor(order.shipMethod)): McfCreatePayload {
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
    items: order.lines.filter((l) => l.open > 0).map((l) => ({ sellerSku: l.sku, sellerFulfillmentOrderItemId: l.lineNumber.slice(0, 50), quantity: l.open })),
  };
}

/** MCF's carrier codes in the hub's terms; anything Amazon Logistics is AMAZON_LOGISTICS, unknown ones OTHER. */
export function carrierOfMcfPackage(carrierCode: string): { carrier: CarrierCode; carrierName: string | null } {
  const code = carrierCode.trim().toUpperCase().replace(/[\s_-]+/g, '');
  if (code.startsWith('AMZL') || code.startsWith('AMAZON')) return { carrier: 'AMAZON_LOGISTICS', carrierName: carrierCode };
  const known: Record<string, CarrierCode> = { UPS: 'UPS', USPS: 'USPS', FEDEX: 'FEDEX', FEDEXSMARTPOST: 'FEDEX_SMARTPOST', ONTRAC: 'ONTRAC', DHL: 'DHL', DHLECOMMERCE: 'DHL_ECOMMERCE', UPSMI: 'UPS_MAIL_INNOVATIONS', LASERSHIP: 'LASERSHIP' };
  return known[code] ? { carrier: known[code], carrierName: null } : { carrier: 'OTHER', carrierName: carrierCode };
}
