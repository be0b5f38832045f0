import { CARRIER_CODES, type CarrierCode, type Channel } from '@order-hub/types';
import { CARRIER_LABELS } from './carrier-labels';

/** Walmart's `trackingInfo.carrierName.carrier` enum: exact strings (developer.walmart.com supported-carrier-names, 2026). */
export const WALMART_CARRIER_NAMES = [
  'UPS',
  'USPS',
  'FedEx',
  'Airborne',
  'OnTrac',
  'DHL Ecommerce - US',
  'DHL',
  'LS',
  'UDS',
  'UPSMI',
  'FDX',
  'PILOT',
  'ESTES',
  'SAIA',
  'FDS Express',
  'Seko Worldwide',
  'HIT Delivery',
  'FEDEXSP',
  'RL Carriers',
  'Metropolitan Warehouse & Delivery',
  'China Post',
  'YunExpress',
  'Yellow Freight Sys',
  'AIT Worldwide Logistics',
  'Chukou1',
  'Sendle',
  'Landmark Global',
  'Sunyou',
  'Yanwen',
  '4PX',
  'GLS',
  'OSM Worldwide',
  'FIRST MILE',
  'AM Trucking',
  'CEVA',
  'India Post',
  'SF Express',
  'CNE',
  'TForce Freight',
  'AxleHire',
  'LSO',
  'Royal Mail',
  'ABF Freight System',
  'WanB',
  'Roadrunner Freight',
  'Meyer Distribution',
  'AAA Cooper',
  'Canada Post',
  'Southeastern Freight Lines',
  'Japan Post',
  'Correos de Mexico',
  'XPO Logistics',
  'JD Logistics',
  'YDH',
  'JCEX',
  'Flyt',
  'Deutsche Post',
  'Better Trucks',
  'Asendia',
  'SFC',
  'UBI',
  'ePost Global',
  'YF Logistics',
  'RXO',
  'Estes Express',
  'Shypmax',
  'WIN.IT America',
  'PITT OHIO',
  'PostNord Sweden',
  'Equick',
  'Whistl',
  'Tusou',
  'Shiprocket',
  'DTDC',
  'PTS',
] as const;

/** Amazon `carrierCode` values (amzn-base.xsd; the live list is longer, anything else goes as Other + name). */
export const AMAZON_CARRIER_CODES = [
  'USPS',
  'UPS',
  'UPSMI',
  'FedEx',
  'DHL',
  'Fastway',
  'GLS',
  'GO!',
  'Hermes Logistik Gruppe',
  'Royal Mail',
  'Parcelforce',
  'City Link',
  'TNT',
  'Target',
  'SagawaExpress',
  'NipponExpress',
  'YamatoTransport',
  'DHL Global Mail',
  'UPS Mail Innovations',
  'FedEx SmartPost',
  'OSM',
  'OnTrac',
  'Streamlite',
  'Newgistics',
  'Canada Post',
  'Blue Package',
  'Chronopost',
  'Deutsche Post',
  'DPD',
  'La Poste',
  'Parcelnet',
  'Poste Italiane',
  'SDA',
  'Smartmail',
  'FEDEX_JP',
  'JP_EXPRESS',
  'NITTSU',
  'SAGAWA',
  'YAMATO',
  'BlueDart',
  'AFL/Fedex',
  'Aramex',
  'India Post',
  'Professional',
  'DTDC',
  'Overnite Express',
  'First Flight',
  'Delhivery',
  'Lasership',
  'Yodel',
  'Other',
] as const;

const BY_CHANNEL: Readonly<Record<Channel, Readonly<Record<CarrierCode, string | null>>>> = {
  WALMART: {
    UPS: 'UPS',
    UPS_MAIL_INNOVATIONS: 'UPSMI',
    USPS: 'USPS',
    FEDEX: 'FedEx',
    FEDEX_SMARTPOST: 'FEDEXSP',
    DHL: 'DHL',
    DHL_ECOMMERCE: 'DHL Ecommerce - US',
    ONTRAC: 'OnTrac',
    LASERSHIP: 'LS',
    AMAZON_LOGISTICS: null,
    OTHER: null,
  },
  AMAZON: {
    UPS: 'UPS',
    UPS_MAIL_INNOVATIONS: 'UPS Mail Innovations',
    USPS: 'USPS',
    FEDEX: 'FedEx',
    FEDEX_SMARTPOST: 'FedEx SmartPost',
    DHL: 'DHL',
    // DHL eCommerce's former name, the value on Amazon's list.
    DHL_ECOMMERCE: 'DHL Global Mail',
    ONTRAC: 'OnTrac',
    LASERSHIP: 'Lasership',
    AMAZON_LOGISTICS: 'Other',
    OTHER: 'Other',
  },
};

const LISTS: Readonly<Record<Channel, readonly string[]>> = {
  WALMART: WALMART_CARRIER_NAMES,
  AMAZON: AMAZON_CARRIER_CODES,
};

const nameKey = (name: string | null | undefined) => (name ?? '').replace(/[\s_-]+/g, '').toLowerCase();

/** Every way an operator may type a hub carrier: its code, its label, its name on either channel. */
const CARRIER_BY_NAME: ReadonlyMap<string, CarrierCode> = new Map(
  CARRIER_CODES.filter((c) => c !== 'OTHER').flatMap((c) =>
    [c, CARRIER_LABELS[c], BY_CHANNEL.WALMART[c], BY_CHANNEL.AMAZON[c]]
      .filter((n): n is string => n !== null && n !== 'Other')
      .map((n) => [nameKey(n), c] as const),
  ),
);

/** The hub carrier a name typed for OTHER stands for (`ups`, `FedEx SmartPost`, `FEDEXSP`), if any. */
export function carrierNamed(name: string | null | undefined): CarrierCode | null {
  return CARRIER_BY_NAME.get(nameKey(name)) ?? null;
}

/** The channel's own spelling of a carrier name typed for OTHER (case and spaces ignored), if it is on the list. */
export function listedCarrierName(channel: Channel, name: string | null | undefined): string | null {
  const key = nameKey(name);
  if (!key) return null;
  return LISTS[channel].find((n) => n !== 'Other' && nameKey(n) === key) ?? null;
}

/**
 * The exact carrier value the channel expects for the hub's carrier: Walmart's enum string or Amazon's
 * carrier code. For OTHER, the channel's value for the carrier `carrierName` stands for, when it has one.
 * Null when the channel takes the carrier only as free text (Walmart `otherCarrier`) or not at all
 * (Amazon Logistics on Walmart).
 */
export function channelCarrierName(channel: Channel, carrier: CarrierCode, carrierName?: string | null): string | null {
  if (carrier !== 'OTHER') return BY_CHANNEL[channel][carrier];
  const named = carrierNamed(carrierName);
  if (named) return BY_CHANNEL[channel][named];
  return listedCarrierName(channel, carrierName) ?? BY_CHANNEL[channel].OTHER;
}
