import type { CarrierCode } from '@order-hub/types';
import { channelCarrierName } from '../carriers/channel-carrier-name';
import type { WalmartMethodCode } from '../carriers/walmart-method-code';

/** One row of the service → Walmart methodCode table, with where its facts come from and since when. */
export interface WalmartServiceRow {
  carrier: CarrierCode;
  /** The provider's service codes the row covers (EasyPost `rate.service`), compared without case, spaces, dashes or underscores. */
  services: readonly string[];
  methodCode: WalmartMethodCode;
  /** Why this method: the carrier's published transit commitment for the service. */
  why: string;
  source: string;
  /** The date the row's facts are known in force from (ISO date). */
  effective: string;
}

const WALMART_METHODS =
  "Walmart Orders API trackingInfo.methodCode enum Standard | Express | OneDay | Freight | WhiteGlove | Value (shared/specs/walmart orders spec; shared/docs/reference/walmart.md 'methodCode enum'): Express is Walmart's two-day, OneDay its next-day";
const EASYPOST_SERVICES =
  'EasyPost service codes per carrier (docs.easypost.com carrier guides; shared/specs/easypost/docs/responses)';

/** EasyPost's services for the carriers the hub buys labels from, and the Walmart method each is confirmed with. */
export const WALMART_SERVICE_METHODS: readonly WalmartServiceRow[] = [
  {
    carrier: 'UPS',
    services: ['Ground', 'UPSGroundsaver', '3DaySelect'],
    methodCode: 'Standard',
    why: 'UPS Ground (1–5 business days) and 3 Day Select are not two-day services',
    source: `${WALMART_METHODS}; ${EASYPOST_SERVICES}; UPS service guide (ups.com)`,
    effective: '2026-01-01',
  },
  {
    carrier: 'UPS',
    services: ['2ndDayAir', '2ndDayAirAM'],
    methodCode: 'Express',
    why: 'UPS 2nd Day Air: delivery by the end of the second business day',
    source: `${WALMART_METHODS}; ${EASYPOST_SERVICES}; UPS service guide (ups.com)`,
    effective: '2026-01-01',
  },
  {
    carrier: 'UPS',
    services: ['NextDayAir', 'NextDayAirSaver', 'NextDayAirEarlyAM'],
    methodCode: 'OneDay',
    why: 'UPS Next Day Air: next business day',
    source: `${WALMART_METHODS}; ${EASYPOST_SERVICES}; UPS service guide (ups.com)`,
    effective: '2026-01-01',
  },
  {
    carrier: 'USPS',
    services: ['GroundAdvantage', 'First', 'First-Class Package Service'],
    methodCode: 'Standard',
    why: 'USPS Ground Advantage (2–5 days; it replaced First-Class Package Service on 2023-07-09)',
    source: `${WALMART_METHODS}; ${EASYPOST_SERVICES}; USPS Ground Advantage service standard (usps.com)`,
    effective: '2026-01-01',
  },
  {
    carrier: 'USPS',
    services: ['Priority'],
    methodCode: 'Express',
    why: 'USPS Priority Mail: 1–3 business days, the USPS service sellers ship two-day orders with',
    source: `${WALMART_METHODS}; ${EASYPOST_SERVICES}; Priority Mail service standard (usps.com)`,
    effective: '2026-01-01',
  },
  {
    carrier: 'USPS',
    services: ['Express'],
    methodCode: 'OneDay',
    why: 'USPS Priority Mail Express: overnight to 2-day guaranteed, next day to most addresses',
    source: `${WALMART_METHODS}; ${EASYPOST_SERVICES}; Priority Mail Express service standard (usps.com)`,
    effective: '2026-01-01',
  },
  {
    carrier: 'USPS',
    services: ['ParcelSelect', 'MediaMail', 'LibraryMail'],
    methodCode: 'Value',
    why: 'USPS economy services (2–8 days)',
    source: `${WALMART_METHODS}; ${EASYPOST_SERVICES}`,
    effective: '2026-01-01',
  },
  {
    carrier: 'FEDEX',
    services: ['FEDEX_GROUND', 'GROUND_HOME_DELIVERY', 'FEDEX_EXPRESS_SAVER'],
    methodCode: 'Standard',
    why: 'FedEx Ground / Home Delivery (1–5 business days) and Express Saver (3 business days) are not two-day services',
    source: `${WALMART_METHODS}; ${EASYPOST_SERVICES}; FedEx service guide (fedex.com)`,
    effective: '2026-01-01',
  },
  {
    carrier: 'FEDEX',
    services: ['FEDEX_2_DAY', 'FEDEX_2_DAY_AM'],
    methodCode: 'Express',
    why: 'FedEx 2Day: second business day',
    source: `${WALMART_METHODS}; ${EASYPOST_SERVICES}; FedEx service guide (fedex.com)`,
    effective: '2026-01-01',
  },
  {
    carrier: 'FEDEX',
    services: ['STANDARD_OVERNIGHT', 'PRIORITY_OVERNIGHT', 'FIRST_OVERNIGHT'],
    methodCode: 'OneDay',
    why: 'FedEx overnight services: next business day',
    source: `${WALMART_METHODS}; ${EASYPOST_SERVICES}; FedEx service guide (fedex.com)`,
    effective: '2026-01-01',
  },
  {
    carrier: 'FEDEX_SMARTPOST',
    services: ['SMART_POST', 'GROUND_ECONOMY'],
    methodCode: 'Value',
    why: 'FedEx Ground Economy (SmartPost): 2–7 business days, handed to USPS for the last mile',
    source: `${WALMART_METHODS}; ${EASYPOST_SERVICES}; FedEx service guide (fedex.com)`,
    effective: '2026-01-01',
  },
];

/** How Walmart is told of a shipment on a bought label. */
export interface WalmartShipment {
  /** Walmart's `carrierName.carrier` enum value ("UPS", "FEDEXSP"). */
  carrier: string;
  methodCode: WalmartMethodCode;
  /** False when the service is not in the table: sent as Standard, the method that promises least. */
  known: boolean;
  why: string;
  source: string;
  effective: string;
}

const serviceKey = (service: string) => service.replace(/[\s_-]+/g, '').toLowerCase();

/**
 * Walmart's carrier enum value and methodCode for a label bought from the tracking provider (EasyPost carrier +
 * service; for OTHER, the carrier's name, which may be on Walmart's list: "LSO"). Null when Walmart has no enum value
 * for the carrier (Amazon Logistics, an unlisted carrier): such a rate is never offered on a Walmart order
 * (`labelRatesFor`).
 */
export function walmartShipmentFor(
  carrier: CarrierCode,
  service: string,
  carrierName?: string | null,
): WalmartShipment | null {
  const walmartCarrier = channelCarrierName('WALMART', carrier, carrierName);
  if (walmartCarrier === null) return null;
  const key = serviceKey(service);
  const row = WALMART_SERVICE_METHODS.find(
    (r) => r.carrier === carrier && r.services.some((s) => serviceKey(s) === key),
  );
  if (!row) {
    return {
      carrier: walmartCarrier,
      methodCode: 'Standard',
      known: false,
      why: `${service} is not in the hub's service table; Standard promises least`,
      source: WALMART_METHODS,
      effective: '2026-01-01',
    };
  }
  return {
    carrier: walmartCarrier,
    methodCode: row.methodCode,
    known: true,
    why: row.why,
    source: row.source,
    effective: row.effective,
  };
}
