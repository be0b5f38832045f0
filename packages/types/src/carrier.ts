/** The carriers the hub knows by format. Anything else is OTHER with a carrier name. */
export const CarrierCode = {
  UPS: 'UPS',
  UPS_MAIL_INNOVATIONS: 'UPS_MAIL_INNOVATIONS',
  USPS: 'USPS',
  FEDEX: 'FEDEX',
  FEDEX_SMARTPOST: 'FEDEX_SMARTPOST',
  DHL: 'DHL',
  DHL_ECOMMERCE: 'DHL_ECOMMERCE',
  ONTRAC: 'ONTRAC',
  LASERSHIP: 'LASERSHIP',
  AMAZON_LOGISTICS: 'AMAZON_LOGISTICS',
  OTHER: 'OTHER',
} as const;
export type CarrierCode = (typeof CarrierCode)[keyof typeof CarrierCode];
export const CARRIER_CODES: readonly CarrierCode[] = Object.values(CarrierCode);

export function isCarrierCode(value: unknown): value is CarrierCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CarrierCode, value);
}

/** A carrier event of a shipped package the hub records: the first carrier scan, and the delivery. */
export const CarrierEventType = {
  SCANNED: 'SCANNED',
  DELIVERED: 'DELIVERED',
} as const;
export type CarrierEventType = (typeof CarrierEventType)[keyof typeof CarrierEventType];

/** Where the hub learnt a carrier event. */
export const CarrierEventSource = {
  /** The marketplace reported the package's status. */
  CHANNEL: 'CHANNEL',
  /** Amazon's MCF package tracking. */
  MCF: 'MCF',
} as const;
export type CarrierEventSource = (typeof CarrierEventSource)[keyof typeof CarrierEventSource];
