import type { CarrierCode, McfCreatePayload } from '@order-hub/types';

/** For an order of another channel both are Required, whatever the seller's account default: no exceptions. */
export const MCF_REQUIRED_FEATURES: McfCreatePayload['featureConstraints'] = [
  { featureName: 'BLOCK_AMZL', featureFulfillmentPolicy: 'Required' },
  { featureName: 'BLANK_BOX', featureFulfillmentPolicy: 'Required' },
];

export const MCF_SPEEDS: McfCreatePayload['shippingSpeedCategory'][] = ['Standard', 'Expedited', 'Priority'];

/** The least MCF speed the channel's ship method asks for (a faster one may be needed to keep the delivery promise). */
export function mcfSpeedFor(shipMethod: string | null): McfCreatePayload['shippingSpeedCategory'] {
  const m = (shipMethod ?? '').toLowerCase();
  if (
    ['oneday', 'one_day', 'nextday', 'rush', 'priority'].some((k) =>
      m.replace(/[\s-]/g, '').includes(k.replace('_', '')),
    )
  )
    return 'Priority';
  if (['express', 'expedited', 'twoday', 'secondday'].some((k) => m.replace(/[\s-]/g, '').includes(k)))
    return 'Expedited';
  return 'Standard';
}

/** MCF's carrier codes in the hub's terms; anything Amazon Logistics is AMAZON_LOGISTICS, unknown ones OTHER. */
export function carrierOfMcfPackage(carrierCode: string): { carrier: CarrierCode; carrierName: string | null } {
  const code = carrierCode
    .trim()
    .toUpperCase()
    .replace(/[\s_-]+/g, '');
  if (code.startsWith('AMZL') || code.startsWith('AMAZON'))
    return { carrier: 'AMAZON_LOGISTICS', carrierName: carrierCode };
  const known: Record<string, CarrierCode> = {
    UPS: 'UPS',
    USPS: 'USPS',
    FEDEX: 'FEDEX',
    FEDEXSMARTPOST: 'FEDEX_SMARTPOST',
    ONTRAC: 'ONTRAC',
    DHL: 'DHL',
    DHLECOMMERCE: 'DHL_ECOMMERCE',
    UPSMI: 'UPS_MAIL_INNOVATIONS',
    LASERSHIP: 'LASERSHIP',
  };
  return known[code] ? { carrier: known[code], carrierName: null } : { carrier: 'OTHER', carrierName: carrierCode };
}
