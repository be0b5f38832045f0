import type { CarrierCode } from '@order-hub/types';

/** How carriers are named in messages to operators. */
export const CARRIER_LABELS: Readonly<Record<CarrierCode, string>> = {
  UPS: 'UPS',
  UPS_MAIL_INNOVATIONS: 'UPS Mail Innovations',
  USPS: 'USPS',
  FEDEX: 'FedEx',
  FEDEX_SMARTPOST: 'FedEx SmartPost',
  DHL: 'DHL Express',
  DHL_ECOMMERCE: 'DHL eCommerce',
  ONTRAC: 'OnTrac',
  LASERSHIP: 'LaserShip',
  AMAZON_LOGISTICS: 'Amazon Logistics',
  OTHER: 'another carrier',
};

export function listLabels(carriers: readonly CarrierCode[]): string {
  const labels = carriers.map((c) => CARRIER_LABELS[c]);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

/** "a UPS number", "an OnTrac number": the article before a carrier label (U reads as "you"). */
export function withArticle(label: string): string {
  return /^[AEIO]/.test(label) ? `an ${label}` : `a ${label}`;
}
