import type { CarrierCode } from '@order-hub/types';
import type { ChecksumSpec } from './checksums';

/** Digits conceptually written in front of the checked characters: fixed, or chosen by a named group's value. */
export type ChecksumLead = string | { group: string; map: Readonly<Record<string, string>> };

/**
 * One tracking-number layout. `pattern` is anchored and names its parts: `body` (what the check digit
 * covers), `check`, and `number` when the carrier displays only part of a scanned barcode.
 */
export interface CarrierFormat {
  id: string;
  name: string;
  /** Carriers for which this layout is a valid number; the first one issues it. */
  carriers: readonly CarrierCode[];
  pattern: string;
  /** Precheck before the regex: allowed lengths and first characters. */
  lengths: readonly number[];
  firstChars: string;
  checksum: (ChecksumSpec & { lead?: ChecksumLead }) | null;
}

const DIGITS = '0123456789';
const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

const GS1: ChecksumSpec = { algorithm: 'mod10', weights: [3, 1], from: 'right' };
const UPS: ChecksumSpec = { algorithm: 'mod10', weights: [1, 2], from: 'left' };
const FEDEX_EXPRESS: ChecksumSpec = { algorithm: 'mod11', weights: [3, 1, 7] };

/** Consolidators (SmartPost, DHL eCommerce, UPS Mail Innovations) hand these parcels to USPS for delivery. */
const IMPB_92_CARRIERS: readonly CarrierCode[] = ['USPS', 'FEDEX_SMARTPOST', 'DHL_ECOMMERCE', 'UPS_MAIL_INNOVATIONS'];

/** USPS IMpb, bare and behind the `420` + ZIP (5 or 9 digits) routing prefix that scanned labels carry. */
function impb(
  id: string,
  name: string,
  body: string,
  lengths: number[],
  carriers: readonly CarrierCode[],
): CarrierFormat[] {
  const number = `(?<number>(?<body>${body})(?<check>\\d))`;
  return [
    { id, name, carriers, pattern: `^${number}$`, lengths, firstChars: '9', checksum: GS1 },
    {
      id: `${id}_ZIP5`,
      name: `${name} with 420+ZIP5 routing`,
      carriers,
      pattern: `^420(?<zip>\\d{5})${number}$`,
      lengths: lengths.map((n) => n + 8),
      firstChars: '4',
      checksum: GS1,
    },
    {
      id: `${id}_ZIP9`,
      name: `${name} with 420+ZIP9 routing`,
      carriers,
      pattern: `^420(?<zip>\\d{9})${number}$`,
      lengths: lengths.map((n) => n + 12),
      firstChars: '4',
      checksum: GS1,
    },
  ];
}

export const CARRIER_FORMATS: readonly CarrierFormat[] = [
  {
    id: 'UPS_1Z',
    name: 'UPS 1Z',
    carriers: ['UPS'],
    pattern: '^1Z(?<body>(?<shipper>[0-9A-Z]{6})(?<service>[0-9A-Z]{2})(?<package>[0-9A-Z]{7}))(?<check>\\d)$',
    lengths: [18],
    firstChars: '1',
    checksum: UPS,
  },
  {
    id: 'UPS_WAYBILL',
    name: 'UPS Mail Innovations / waybill',
    carriers: ['UPS', 'UPS_MAIL_INNOVATIONS'],
    // The check covers the 9 digits after the letter (weights 1, 2 from the first of them), not the letter.
    pattern: '^(?<series>[AHJKTV])(?<body>\\d{9})(?<check>\\d)$',
    lengths: [11],
    firstChars: 'AHJKTV',
    checksum: UPS,
  },
  {
    id: 'FEDEX_EXPRESS_12',
    name: 'FedEx Express (12 digits)',
    carriers: ['FEDEX'],
    pattern: '^(?<body>\\d{11})(?<check>\\d)$',
    lengths: [12],
    firstChars: DIGITS,
    checksum: FEDEX_EXPRESS,
  },
  {
    id: 'FEDEX_GROUND_15',
    name: 'FedEx Ground (15 digits)',
    carriers: ['FEDEX', 'FEDEX_SMARTPOST'],
    pattern: '^(?<body>\\d{14})(?<check>\\d)$',
    lengths: [15],
    firstChars: DIGITS,
    checksum: GS1,
  },
  {
    id: 'FEDEX_GROUND_96',
    name: 'FedEx Ground "96" barcode (22 digits)',
    carriers: ['FEDEX', 'FEDEX_SMARTPOST'],
    pattern: '^96(?<scnc>\\d{2})(?<service>\\d{3})(?<number>(?<body>\\d{14})(?<check>\\d))$',
    lengths: [22],
    firstChars: '9',
    checksum: GS1,
  },
  {
    id: 'FEDEX_EXPRESS_34',
    name: 'FedEx Express barcode (34 digits)',
    carriers: ['FEDEX'],
    pattern: '^\\d{22}(?<number>(?<body>\\d{11})(?<check>\\d))$',
    lengths: [34],
    firstChars: DIGITS,
    checksum: FEDEX_EXPRESS,
  },
  {
    id: 'FEDEX_ASTRA_32',
    name: 'FedEx ASTRA label (32 digits)',
    carriers: ['FEDEX'],
    pattern: '^\\d{16}(?<number>(?<body>\\d{11})(?<check>\\d))\\d{4}$',
    lengths: [32],
    firstChars: DIGITS,
    checksum: FEDEX_EXPRESS,
  },
  {
    id: 'FEDEX_SSCC_18',
    name: 'FedEx SSCC-18',
    carriers: ['FEDEX'],
    pattern: '^(?<body>00\\d{15})(?<check>\\d)$',
    lengths: [18],
    firstChars: '0',
    checksum: GS1,
  },
  ...impb('USPS_IMPB', 'USPS IMpb', '9[13-5]\\d{19}|9[13-5]\\d{23}|94\\d{27}', [22, 26, 30], ['USPS']),
  ...impb('USPS_IMPB_92', 'USPS IMpb commercial (92)', '92\\d{19}|92\\d{23}', [22, 26], IMPB_92_CARRIERS),
  // Two check conventions share the 20-digit layout (service type + 9-digit customer id + 8-digit serial + check):
  // the bare number (USPS Publication 91 confirmation-service PIC) and the number read behind its `91` application
  // identifier. Genuine numbers of each exist, so each is its own format and a number passes when either holds.
  {
    id: 'USPS_20',
    name: 'USPS (20 digits)',
    carriers: ['USPS'],
    pattern: '^(?<body>\\d{19})(?<check>\\d)$',
    lengths: [20],
    firstChars: DIGITS,
    checksum: GS1,
  },
  {
    id: 'USPS_20_AI91',
    name: 'USPS legacy (20 digits behind 91)',
    carriers: ['USPS'],
    pattern: '^(?<body>\\d{19})(?<check>\\d)$',
    lengths: [20],
    firstChars: DIGITS,
    checksum: { ...GS1, lead: '91' },
  },
  {
    id: 'USPS_S10',
    name: 'USPS international (S10, US)',
    carriers: ['USPS'],
    pattern: '^(?<service>[A-Z]{2})(?<body>\\d{8})(?<check>\\d)US$',
    lengths: [13],
    firstChars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    checksum: { algorithm: 's10' },
  },
  {
    id: 'DHL_EXPRESS_10',
    name: 'DHL Express air waybill (10 digits)',
    carriers: ['DHL'],
    pattern: '^(?<body>\\d{9})(?<check>\\d)$',
    lengths: [10],
    firstChars: DIGITS,
    checksum: { algorithm: 'mod7' },
  },
  {
    id: 'DHL_EXPRESS_11',
    name: 'DHL Express air waybill (11 digits)',
    carriers: ['DHL'],
    pattern: '^(?<body>\\d{10})(?<check>\\d)$',
    lengths: [11],
    firstChars: DIGITS,
    checksum: { algorithm: 'mod7' },
  },
  {
    id: 'DHL_PIECE_ID',
    name: 'DHL Express piece id',
    carriers: ['DHL'],
    pattern: '^J[A-Z]{2,3}\\d{9,10}$',
    lengths: range(12, 14),
    firstChars: 'J',
    checksum: null,
  },
  {
    id: 'DHL_ECOMMERCE',
    name: 'DHL eCommerce',
    carriers: ['DHL_ECOMMERCE'],
    pattern: '^(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)[0-9A-Z]{10,39}$',
    lengths: range(12, 41),
    firstChars: 'CGHILMRSTU',
    checksum: null,
  },
  {
    id: 'DHL_ECOMMERCE_14',
    name: 'DHL eCommerce (14 digits)',
    carriers: ['DHL_ECOMMERCE'],
    pattern: '^\\d{14}$',
    lengths: [14],
    firstChars: DIGITS,
    checksum: null,
  },
  {
    id: 'ONTRAC',
    name: 'OnTrac',
    carriers: ['ONTRAC'],
    pattern: '^(?<series>[CD])(?<body>\\d{13})(?<check>\\d)$',
    lengths: [15],
    firstChars: 'CD',
    checksum: { algorithm: 'mod10', weights: [1, 2], from: 'left', lead: { group: 'series', map: { C: '4', D: '5' } } },
  },
  // LaserShip and OnTrac operate as one network: LaserShip labels are valid under either name.
  {
    id: 'LASERSHIP_L',
    name: 'LaserShip L',
    carriers: ['LASERSHIP', 'ONTRAC'],
    pattern: '^L[AIEHNX][1-3]\\d{7}$',
    lengths: [10],
    firstChars: 'L',
    checksum: null,
  },
  {
    id: 'LASERSHIP_1LS7',
    name: 'LaserShip 1LS7',
    carriers: ['LASERSHIP', 'ONTRAC'],
    pattern: '^1LS7[12]\\d{10}$|^1LS7[12]\\d{11}-1$',
    lengths: [15, 18],
    firstChars: '1',
    checksum: null,
  },
  {
    id: 'LASERSHIP_1LSCX',
    name: 'LaserShip 1LSCX',
    carriers: ['LASERSHIP', 'ONTRAC'],
    pattern: '^1LSCX[0-9A-Z]{10}$',
    lengths: [15],
    firstChars: '1',
    checksum: null,
  },
  {
    id: 'AMAZON_TBA',
    name: 'Amazon Logistics TBA',
    carriers: ['AMAZON_LOGISTICS'],
    pattern: '^TB(?<region>[ACM])\\d{12}$',
    lengths: [15],
    firstChars: 'T',
    checksum: null,
  },
  {
    id: 'AMAZON_SHIPPING_INTL',
    name: 'Amazon Shipping international',
    carriers: ['AMAZON_LOGISTICS'],
    pattern: '^[AFC]\\d{10}$',
    lengths: [11],
    firstChars: 'ACF',
    checksum: null,
  },
];
