import type { CarrierCode } from '@order-hub/types';
import { carrierNamed } from '../carriers/channel-carrier-name';

/** A label provider's name for a carrier and the hub's carrier it stands for. */
export interface LabelCarrierRow {
  /** Compared without case, spaces, dashes or underscores; a trailing `*` matches any ending (`AMZN_*`). */
  names: readonly string[];
  carrier: CarrierCode;
  source: string;
}

const AMAZON_V2 =
  'Amazon Shipping API v2 Carrier { id, name } (shared/specs/amazon/shippingV2.json: "AMZN_UK" / "Amazon Shipping", "USPS", "FedEx")';
const EASYPOST = 'EasyPost rate.carrier / carrier account types (docs.easypost.com carrier guides)';

export const LABEL_CARRIERS: readonly LabelCarrierRow[] = [
  {
    names: ['AMZN_*', 'Amazon Shipping', 'Amazon'],
    carrier: 'AMAZON_LOGISTICS',
    source: `${AMAZON_V2}; ${EASYPOST}`,
  },
  { names: ['UPS', 'UPSDAP', 'UPSSurePost'], carrier: 'UPS', source: `${AMAZON_V2}; ${EASYPOST}` },
  { names: ['UPS Mail Innovations'], carrier: 'UPS_MAIL_INNOVATIONS', source: EASYPOST },
  { names: ['USPS', 'USPSReturns'], carrier: 'USPS', source: `${AMAZON_V2}; ${EASYPOST}` },
  { names: ['FedEx', 'FedExDefault'], carrier: 'FEDEX', source: `${AMAZON_V2}; ${EASYPOST}` },
  { names: ['FedEx SmartPost'], carrier: 'FEDEX_SMARTPOST', source: EASYPOST },
  { names: ['DHL Express', 'DHL'], carrier: 'DHL', source: EASYPOST },
  { names: ['DHL eCommerce Solutions', 'DHL eCommerce'], carrier: 'DHL_ECOMMERCE', source: EASYPOST },
  { names: ['OnTrac', 'OnTracV3'], carrier: 'ONTRAC', source: EASYPOST },
  { names: ['LaserShip', 'LaserShipV2'], carrier: 'LASERSHIP', source: EASYPOST },
];

const key = (name: string) => name.replace(/[\s_-]+/g, '').toLowerCase();

function matches(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? key(name).startsWith(key(pattern.slice(0, -1))) : key(pattern) === key(name);
}

/**
 * The hub's carrier for a label provider's carrier (Amazon's carrier id or name, EasyPost's carrier): "AMZN_US" and
 * "Amazon Shipping" are Amazon Logistics, "FedExDefault" is FedEx. OTHER when neither the id nor the name is known.
 */
export function labelCarrierCode(id: string | null | undefined, name?: string | null): CarrierCode {
  for (const candidate of [id, name]) {
    if (!candidate?.trim()) continue;
    const row = LABEL_CARRIERS.find((r) => r.names.some((n) => matches(n, candidate)));
    if (row) return row.carrier;
  }
  return carrierNamed(id) ?? carrierNamed(name) ?? 'OTHER';
}
