import type { CarrierCode } from '@order-hub/types';

/**
 * The hub's carriers by EasyPost's carrier names (the `carrier` of a Tracker, as EasyPost's carrier list spells
 * them). OTHER has none: EasyPost then detects the carrier from the number, and refuses it when none matches.
 */
const EASYPOST_CARRIER: Readonly<Record<CarrierCode, string | null>> = {
  USPS: 'USPS',
  UPS: 'UPS',
  UPS_MAIL_INNOVATIONS: 'UPSMailInnovations',
  FEDEX: 'FedEx',
  FEDEX_SMARTPOST: 'FedExSmartPost',
  DHL: 'DHLExpress',
  DHL_ECOMMERCE: 'DhlEcs',
  ONTRAC: 'OnTrac',
  LASERSHIP: 'LaserShipV2',
  AMAZON_LOGISTICS: 'AmazonShipping',
  OTHER: null,
};

/** EasyPost's name of the carrier, or undefined to let EasyPost detect it from the number. */
export function easyPostCarrier(carrier: CarrierCode): string | undefined {
  return EASYPOST_CARRIER[carrier] ?? undefined;
}

/** The hub's carrier for EasyPost's name of it (a Rate's or a Tracker's `carrier`); OTHER for one the hub has no code for. */
export function carrierCodeOf(easyPostName: string): CarrierCode {
  const name = easyPostName.toLowerCase();
  const found = (Object.keys(EASYPOST_CARRIER) as CarrierCode[]).find(
    (c) => EASYPOST_CARRIER[c]?.toLowerCase() === name,
  );
  return found ?? 'OTHER';
}
