import type { ShipmentInput } from '@order-hub/types';
import { ENVELOPE_LIMITS, policyFor } from '../policy/policy-table';
import { VIOLATION_CATALOGUE } from '../violations/catalogue';
import { validateShipment, type ShipmentContext } from './validate-shipment';

const now = new Date('2026-11-20T18:00:00Z');
const HOUR = 3_600_000;
const walmartPolicy = policyFor('WALMART', 'US', now);
const amazonPolicy = policyFor('AMAZON', 'US', now);

const walmartShipment = (): ShipmentInput => ({
  channel: 'WALMART',
  order: {
    channelOrderId: '108829135472',
    customerOrderId: '200014839201',
    orderedAt: new Date('2026-11-19T15:00:00Z'),
    status: 'ACKNOWLEDGED',
    lines: [
      { lineNumber: '1', quantityOrdered: 2, quantityShipped: 0, quantityCancelled: 0 },
      { lineNumber: '2', quantityOrdered: 3, quantityShipped: 1, quantityCancelled: 1 },
    ],
  },
  lines: [
    { lineNumber: '1', quantity: 2 },
    { lineNumber: '2', quantity: 1 },
  ],
  carrier: 'UPS',
  trackingNumber: '1Z999AA10123456784',
  shippedAt: new Date('2026-11-20T16:00:00Z'),
  package: { type: 'PARCEL', weightOz: 20, lengthIn: 10, widthIn: 8, heightIn: 4 },
});

const amazonShipment = (): ShipmentInput => ({
  ...walmartShipment(),
  channel: 'AMAZON',
  order: { ...walmartShipment().order, channelOrderId: '112-4567890-1234567', customerOrderId: null, totalCents: 799 },
});

type Case = [string, () => ShipmentInput, Partial<ShipmentContext>, string[]];
const walmart = (patch: Partial<ShipmentInput>) => () => ({ ...walmartShipment(), ...patch });
const amazon = (patch: Partial<ShipmentInput>) => () => ({ ...amazonShipment(), ...patch });
const walmartOrder = (patch: Partial<ShipmentInput['order']>) => () => ({
  ...walmartShipment(),
  order: { ...walmartShipment().order, ...patch },
});
const recent = (trackingNumber: string, channelOrderId: string, hoursAgo: number) => ({
  recentTrackingUses: [{ trackingNumber, channelOrderId, usedAt: new Date(now.getTime() - hoursAgo * HOUR) }],
});

const CASES: Case[] = [
  ['a clean Walmart shipment', walmartShipment, {}, []],
  ['a clean Amazon shipment', amazonShipment, {}, []],
  ['no tracking number', walmart({ trackingNumber: '  ' }), {}, ['TRACKING_REQUIRED']],
  ['special characters', walmart({ trackingNumber: '1Z999AA1.0123456784' }), {}, ['TRACKING_SPECIAL_CHARACTERS']],
  [
    'a hyphenated LaserShip number on Walmart',
    walmart({ carrier: 'LASERSHIP', trackingNumber: '1LS7220394857261-1' }),
    {},
    ['TRACKING_SPECIAL_CHARACTERS'],
  ],
  [
    'a hyphenated LaserShip number on Amazon',
    amazon({ carrier: 'LASERSHIP', trackingNumber: '1LS7220394857261-1' }),
    {},
    [],
  ],
  [
    'two numbers in the field',
    walmart({ trackingNumber: '1Z999AA10123456784;1ZV4W5880T2K319429' }),
    {},
    ['TRACKING_MULTIPLE_NUMBERS'],
  ],
  ['a wrong check digit', walmart({ trackingNumber: '1Z999AA10123456785' }), {}, ['TRACKING_CHECK_DIGIT']],
  ['not a UPS layout', walmart({ trackingNumber: 'ZZ99AB12' }), {}, ['TRACKING_FORMAT']],
  ['a FedEx number named UPS', walmart({ trackingNumber: '986578788855' }), {}, ['TRACKING_CARRIER_MISMATCH']],
  ['a placeholder', walmart({ carrier: 'FEDEX', trackingNumber: '000000000000' }), {}, ['TRACKING_PLACEHOLDER']],
  [
    'USPS and 12345 (the agency SOP)',
    walmart({ carrier: 'USPS', trackingNumber: '12345' }),
    {},
    ['TRACKING_FORMAT', 'TRACKING_PLACEHOLDER'],
  ],
  [
    'the PO number as tracking',
    walmart({
      carrier: 'OTHER',
      carrierName: 'Speedy Couriers',
      trackingUrl: 'https://speedy.example/t',
      trackingNumber: '108829135472',
    }),
    {},
    ['TRACKING_EQUALS_ORDER_NUMBER'],
  ],
  [
    'the customer order number as tracking',
    walmart({ carrier: 'OTHER', carrierName: 'Royal Mail', trackingNumber: '200014839201' }),
    {},
    ['TRACKING_EQUALS_ORDER_NUMBER'],
  ],
  [
    'reused on another order 10 days ago',
    walmartShipment,
    recent('1z999aa10123456784', 'PO-OTHER', 240),
    ['TRACKING_REUSED'],
  ],
  ['reused 31 days ago (outside the window)', walmartShipment, recent('1Z999AA10123456784', 'PO-OTHER', 31 * 24), []],
  [
    'reused on the same order (a second package line)',
    walmartShipment,
    recent('1Z999AA10123456784', '108829135472', 2),
    [],
  ],
  [
    'reused in a 420+ZIP barcode form',
    walmart({ carrier: 'USPS', trackingNumber: '9400111899223857104938' }),
    recent('420902109400111899223857104938', 'PO-OTHER', 5),
    ['TRACKING_REUSED'],
  ],
  ['reuse on Amazon (no such rule)', amazonShipment, recent('1Z999AA10123456784', 'PO-OTHER', 5), []],
  [
    'Amazon Logistics carrier on Walmart',
    walmart({ carrier: 'AMAZON_LOGISTICS', trackingNumber: 'TBA304958172634' }),
    {},
    ['AMAZON_LOGISTICS_ON_WALMART', 'AMAZON_LOGISTICS_ON_WALMART'],
  ],
  [
    'a TBA number named USPS on Walmart',
    walmart({ carrier: 'USPS', trackingNumber: 'TBA304958172634' }),
    {},
    ['TRACKING_CARRIER_MISMATCH', 'AMAZON_LOGISTICS_ON_WALMART'],
  ],
  [
    'Other named AMZL on Walmart',
    walmart({
      carrier: 'OTHER',
      carrierName: 'AMZL_US',
      trackingUrl: 'https://track.example/x',
      trackingNumber: 'XK3920194857',
    }),
    {},
    ['AMAZON_LOGISTICS_ON_WALMART'],
  ],
  [
    'an amazon.com tracking link on Walmart',
    walmart({ trackingUrl: 'https://www.amazon.com/progress-tracker/package?itemId=1' }),
    {},
    ['AMAZON_LOGISTICS_ON_WALMART'],
  ],
  [
    'an amazon.co.uk tracking link on Walmart',
    walmart({ trackingUrl: 'HTTPS://track.amazon.co.uk/x' }),
    {},
    ['AMAZON_LOGISTICS_ON_WALMART'],
  ],
  [
    'an Amazon Shipping service on Walmart',
    walmart({ service: 'Amazon Shipping Ground' }),
    {},
    ['AMAZON_LOGISTICS_ON_WALMART'],
  ],
  ['Amazon Logistics on Amazon', amazon({ carrier: 'AMAZON_LOGISTICS', trackingNumber: 'TBA304958172634' }), {}, []],
  [
    'a carrier the hub does not know',
    walmart({ carrier: 'PONY_EXPRESS' as never, trackingNumber: 'PX83920194' }),
    {},
    ['CARRIER_NOT_ACCEPTED'],
  ],
  [
    'Other with no name',
    walmart({ carrier: 'OTHER', trackingNumber: 'XK3920194857', trackingUrl: 'https://t.example/x' }),
    {},
    ['CARRIER_NAME_REQUIRED'],
  ],
  [
    'Other off Walmart’s list without a URL',
    walmart({ carrier: 'OTHER', carrierName: 'Speedy Couriers', trackingNumber: 'XK3920194857' }),
    {},
    ['TRACKING_URL_REQUIRED'],
  ],
  [
    'Other on Walmart’s list without a URL',
    walmart({ carrier: 'OTHER', carrierName: 'Canada Post', trackingNumber: 'XK3920194857' }),
    {},
    [],
  ],
  [
    'Other on Amazon off its list',
    amazon({ carrier: 'OTHER', carrierName: 'Speedy Couriers', trackingNumber: 'XK3920194857' }),
    {},
    ['CARRIER_NOT_INTEGRATED'],
  ],
  [
    'Other for a UPS number',
    walmart({ carrier: 'OTHER', carrierName: 'Royal Mail', trackingNumber: '1Z999AA10123456784' }),
    {},
    ['TRACKING_MATCHES_LISTED_CARRIER'],
  ],
  [
    'Other named "ups" is checked as UPS',
    walmart({ carrier: 'OTHER', carrierName: 'ups', trackingNumber: 'XK3920194857' }),
    {},
    ['TRACKING_FORMAT'],
  ],
  [
    'Other named "FedEx SmartPost" with its number, no URL',
    walmart({ carrier: 'OTHER', carrierName: 'FedEx SmartPost', trackingNumber: '9261290100123456789032' }),
    {},
    [],
  ],
  [
    'Other named "Lasership" on Amazon',
    amazon({ carrier: 'OTHER', carrierName: 'Lasership', trackingNumber: 'LX29384756' }),
    {},
    [],
  ],
  [
    'Other named "Amazon Logistics" on Walmart',
    walmart({ carrier: 'OTHER', carrierName: 'Amazon Logistics', trackingNumber: 'TBA304958172634' }),
    {},
    ['AMAZON_LOGISTICS_ON_WALMART', 'AMAZON_LOGISTICS_ON_WALMART'],
  ],
  ['a tracking URL that is not http', walmart({ trackingUrl: 'javascript:alert(1)' }), {}, ['TRACKING_URL_INVALID']],
  ['more units than are left', walmart({ lines: [{ lineNumber: '2', quantity: 2 }] }), {}, ['QUANTITY_EXCEEDS_OPEN']],
  ['a zero quantity', walmart({ lines: [{ lineNumber: '1', quantity: 0 }] }), {}, ['QUANTITY_INVALID']],
  ['a fractional quantity', walmart({ lines: [{ lineNumber: '1', quantity: 1.5 }] }), {}, ['QUANTITY_INVALID']],
  ['an unknown line', walmart({ lines: [{ lineNumber: '9', quantity: 1 }] }), {}, ['LINE_UNKNOWN']],
  [
    'a line twice',
    walmart({
      lines: [
        { lineNumber: '1', quantity: 1 },
        { lineNumber: '1', quantity: 1 },
      ],
    }),
    {},
    ['LINE_DUPLICATE'],
  ],
  ['no lines', walmart({ lines: [] }), {}, ['LINES_REQUIRED']],
  ['a cancelled order', walmartOrder({ status: 'CANCELLED' }), {}, ['ORDER_NOT_SHIPPABLE']],
  ['an unacknowledged Walmart order', walmartOrder({ status: 'CREATED' }), {}, ['ORDER_NOT_ACKNOWLEDGED']],
  ['a ship date in the future', walmart({ shippedAt: new Date(now.getTime() + HOUR) }), {}, ['SHIP_DATE_IN_FUTURE']],
  [
    'a ship date before the order',
    walmart({ shippedAt: new Date('2026-11-19T14:00:00Z') }),
    {},
    ['SHIP_DATE_BEFORE_ORDER'],
  ],
  [
    'a tracking edit inside the 4-hour window',
    walmart({ lines: [{ lineNumber: '1', quantity: 2 }] }),
    { existingShipment: { confirmedAt: new Date(now.getTime() - 3 * HOUR) } },
    [],
  ],
  [
    'a tracking edit after the 4-hour window',
    walmartShipment,
    { existingShipment: { confirmedAt: new Date(now.getTime() - 5 * HOUR) } },
    ['TRACKING_EDIT_WINDOW_CLOSED'],
  ],
  ['a negative weight', walmart({ package: { type: 'PARCEL', weightOz: -1 } }), {}, ['PACKAGE_MEASURE_INVALID']],
  [
    'a "flat" 2 inches thick',
    walmart({ package: { type: 'FLAT', weightOz: 8, lengthIn: 12, widthIn: 9, heightIn: 2 } }),
    {},
    ['PACKAGE_TOO_LARGE_FOR_TYPE'],
  ],
  ['a letter of 5 oz', walmart({ package: { type: 'LETTER', weightOz: 5 } }), {}, ['PACKAGE_TOO_LARGE_FOR_TYPE']],
  [
    'an Amazon letter under $10 with no tracking (exempt)',
    amazon({ carrier: 'USPS', trackingNumber: '', package: { type: 'LETTER', weightOz: 1 } }),
    {},
    [],
  ],
  ['an Amazon parcel with no tracking', amazon({ carrier: 'USPS', trackingNumber: '' }), {}, ['TRACKING_REQUIRED']],
  [
    'a Walmart letter with no tracking',
    walmart({ carrier: 'USPS', trackingNumber: '', package: { type: 'LETTER', weightOz: 1 } }),
    {},
    ['TRACKING_REQUIRED'],
  ],
];

describe('validateShipment', () => {
  it.each(CASES)('%s → %j', (_name, input, context, expected) => {
    const shipment = input();
    const policy = shipment.channel === 'WALMART' ? walmartPolicy : amazonPolicy;
    const violations = validateShipment(shipment, { now, policy, ...context });
    expect(violations.map((v) => v.code)).toEqual(expected);
    for (const v of violations) {
      expect(v.severity).toBe(VIOLATION_CATALOGUE[v.code as keyof typeof VIOLATION_CATALOGUE].severity);
      expect(v.field).toMatch(/^[a-zA-Z]+(\[\d+\])?(\.[a-zA-Z]+)?$/);
      expect(v.message).toMatch(/^[^\n]+[.]$/);
    }
  });

  it('names the offending line in the field path', () => {
    const v = validateShipment(
      {
        ...walmartShipment(),
        lines: [
          { lineNumber: '1', quantity: 1 },
          { lineNumber: '2', quantity: 5 },
        ],
      },
      { now, policy: walmartPolicy },
    );
    expect(v).toEqual([
      expect.objectContaining({
        code: 'QUANTITY_EXCEEDS_OPEN',
        field: 'lines[1].quantity',
        details: { open: 1, requested: 5 },
      }),
    ]);
  });

  it('names every order the number was reused on', () => {
    const v = validateShipment(walmartShipment(), {
      now,
      policy: walmartPolicy,
      recentTrackingUses: [
        { trackingNumber: '1Z999AA10123456784', channelOrderId: 'PO-A', usedAt: new Date(now.getTime() - HOUR) },
        { trackingNumber: '1Z999AA10123456784', channelOrderId: 'PO-B', usedAt: new Date(now.getTime() - 2 * HOUR) },
        { trackingNumber: '1Z999AA10123456784', channelOrderId: 'PO-A', usedAt: new Date(now.getTime() - 3 * HOUR) },
      ],
    });
    expect(v).toEqual([
      expect.objectContaining({ code: 'TRACKING_REUSED', details: { channelOrderIds: ['PO-A', 'PO-B'] } }),
    ]);
  });

  it('lets a tracking edit on a shipped order through without re-checking quantities or status', () => {
    const shipped = walmartOrder({
      status: 'SHIPPED',
      lines: [{ lineNumber: '1', quantityOrdered: 2, quantityShipped: 2, quantityCancelled: 0 }],
    })();
    const edit = { ...shipped, lines: [{ lineNumber: '1', quantity: 2 }] };
    expect(
      validateShipment(edit, {
        now,
        policy: walmartPolicy,
        existingShipment: { confirmedAt: new Date(now.getTime() - HOUR) },
      }),
    ).toEqual([]);
    expect(validateShipment(edit, { now, policy: walmartPolicy }).map((v) => v.code)).toEqual([
      'QUANTITY_EXCEEDS_OPEN',
    ]);
  });
});

describe('Amazon tracking links on Walmart (seed 000: "any link with amazon.com will almost inevitably lead to a suspension")', () => {
  const linkCodes = (trackingUrl: string, channel: 'WALMART' | 'AMAZON' = 'WALMART') => {
    const shipment = channel === 'WALMART' ? walmartShipment() : amazonShipment();
    return validateShipment(
      { ...shipment, trackingUrl },
      { now, policy: channel === 'WALMART' ? walmartPolicy : amazonPolicy },
    )
      .filter((v) => v.field === 'trackingUrl')
      .map((v) => v.code);
  };

  it.each([
    ['amazon.com itself', 'https://amazon.com/gp/your-account/ship-track'],
    ['a subdomain of amazon.com', 'https://track.amazon.com/tracking/TBA304958172634'],
    ['upper case', 'HTTPS://WWW.AMAZON.COM/progress-tracker'],
    ['amazon.de', 'https://www.amazon.de/progress-tracker/package'],
    ['amazon.co.uk', 'https://track.amazon.co.uk/x'],
    ['amazon.com.mx', 'https://www.amazon.com.mx/gp/css/shiptrack'],
    ['amazon.ca with a port', 'https://www.amazon.ca:443/x'],
    ['a trailing dot on the host', 'https://www.amazon.com./x'],
    ['the amzn.to short link', 'https://amzn.to/3xYz'],
    ['amzn.com', 'http://amzn.com/track'],
    ['swiship.com (Amazon Shipping tracking)', 'https://www.swiship.com/track?id=TBA304958172634'],
    [
      'amazon.com in the query of another host',
      'https://track.example.net/r?u=https://www.amazon.com/progress-tracker',
    ],
    ['amazon.com in the path of another host', 'https://redirect.example.net/www.amazon.com/x'],
    ['amazon.com percent-encoded in the query', 'https://track.example.net/r?u=https%3A%2F%2Fwww.amazon%2Ecom%2Fx'],
    ['amazon.com percent-encoded twice', 'https://track.example.net/r?u=www.amazon%252Ecom'],
    ['amazon.com as user info in front of another host', 'https://www.amazon.com@evil.example.net/x'],
  ])('blocks a link to %s', (_name, url) => {
    expect(linkCodes(url)).toEqual(['AMAZON_LOGISTICS_ON_WALMART']);
  });

  it.each([
    ['a host that only contains "amazon"', 'https://notamazon.com/track/1'],
    ['amazon.company.com (a subdomain of company.com)', 'https://amazon.company.com/track/1'],
    ['amazonaws.com', 'https://tracking-bucket.s3.amazonaws.com/1.html'],
    ['a carrier site', 'https://www.ups.com/track?tracknum=1Z999AA10123456784'],
    ['"amazon" as a word in the query', 'https://carrier.example.com/t?from=amazon-warehouse'],
    ['a malformed percent escape', 'https://carrier.example.com/t?q=100%'],
  ])('lets through %s', (_name, url) => {
    expect(linkCodes(url)).toEqual([]);
  });

  it('does not apply to Amazon orders', () => {
    expect(linkCodes('https://www.amazon.com/progress-tracker', 'AMAZON')).toEqual([]);
  });

  it('says the link points to Amazon', () => {
    const [v] = validateShipment(
      { ...walmartShipment(), trackingUrl: 'https://amzn.to/3xYz' },
      { now, policy: walmartPolicy },
    );
    expect(v).toMatchObject({ severity: 'BLOCK', field: 'trackingUrl' });
    expect(v.message).toBe(
      'The tracking link points to Amazon or carries amazon.com: Walmart orders may not be delivered or tracked by Amazon Logistics.',
    );
  });
});

describe('one envelope figure for the package-size warning and the letter/flat exemption', () => {
  const flat = (weightOz: number) => ({ type: 'FLAT' as const, weightOz, lengthIn: 12, widthIn: 9, heightIn: 0.5 });
  const untracked = (weightOz: number) => amazon({ carrier: 'USPS', trackingNumber: '', package: flat(weightOz) })();
  const codesFor = (shipment: ShipmentInput) =>
    validateShipment(shipment, { now, policy: amazonPolicy }).map((v) => v.code);

  it('the package-size warning and the VTR exemption use the same 14 oz figure from the policy table', () => {
    expect(ENVELOPE_LIMITS.FLAT.weightOz).toBe(14);
    expect(amazonPolicy.validTrackingExemption?.maxWeightOz).toBe(ENVELOPE_LIMITS.FLAT.weightOz);
    expect(ENVELOPE_LIMITS.FLAT.source).toMatch(/seed 002/);
    // 13.5 oz: above USPS's 13 oz First-Class flat, within the 14 oz both rules use: exempt and not warned.
    expect(codesFor(untracked(13.5))).toEqual([]);
    expect(codesFor(untracked(14))).toEqual([]);
    // Above 14 oz: warned as too large for a flat, and no longer exempt, so the missing number is required.
    expect(codesFor(untracked(14.5))).toEqual(['TRACKING_REQUIRED', 'PACKAGE_TOO_LARGE_FOR_TYPE']);
  });

  it('names the figure in the warning', () => {
    const [v] = validateShipment(walmart({ package: flat(15) })(), { now, policy: walmartPolicy });
    expect(v).toMatchObject({ code: 'PACKAGE_TOO_LARGE_FOR_TYPE', severity: 'WARN' });
    expect(v.message).toBe('A flat may be at most 15 × 12 × 0.75 in and 14 oz; ship it as a parcel.');
  });
});

describe('a hand-off label entered under the last-mile carrier (seed 000: Walmart wants the carrier that picks the parcel up)', () => {
  const underUsps = (trackingNumber: string, channel: 'WALMART' | 'AMAZON' = 'WALMART') => {
    const shipment = {
      ...(channel === 'WALMART' ? walmartShipment() : amazonShipment()),
      carrier: 'USPS' as const,
      trackingNumber,
    };
    return validateShipment(shipment, { now, policy: channel === 'WALMART' ? walmartPolicy : amazonPolicy });
  };

  it('warns, naming the carriers it looks like, for a FedEx SmartPost / UPS SurePost / Mail Innovations Parcel Select number under USPS', () => {
    for (const n of [
      '9261290100123456789032',
      '420902109261290100123456789032',
      '92748931507708513018050063',
      '9261292700768711948021',
    ]) {
      const violations = underUsps(n);
      expect(violations).toEqual([
        {
          code: 'CARRIER_IS_LAST_MILE',
          severity: 'WARN',
          field: 'carrier',
          message:
            'This looks like a FedEx SmartPost, UPS Mail Innovations or DHL eCommerce label that USPS delivers: Walmart wants the carrier that picked the parcel up, so choose it if one of them did (UPS for SurePost).',
          details: { looksLike: ['FEDEX_SMARTPOST', 'UPS_MAIL_INNOVATIONS', 'DHL_ECOMMERCE'] },
        },
      ]);
    }
  });

  it('does not block: the number is a valid USPS number', () => {
    expect(underUsps('9261290100123456789032').every((v) => v.severity === 'WARN')).toBe(true);
  });

  it.each([
    ['a USPS retail label (94)', '9400111202555842332669'],
    ['a commercial Priority Mail label (92, service 055)', '92055901755477000000000015'],
    ['a 92 label of another service (021)', '92021902240178305274810382'],
    ['a 20-digit USPS number', '03071790000523483741'],
  ])('does not warn for %s', (_name, n) => {
    expect(underUsps(n).map((v) => v.code)).toEqual([]);
  });

  it('does not warn once the pickup carrier is chosen, nor on Amazon', () => {
    expect(
      validateShipment(
        { ...walmartShipment(), carrier: 'FEDEX_SMARTPOST', trackingNumber: '9261290100123456789032' },
        { now, policy: walmartPolicy },
      ),
    ).toEqual([]);
    expect(underUsps('9261290100123456789032', 'AMAZON')).toEqual([]);
  });

  it('keeps the pickup carrier rule in the policy table with its source', () => {
    expect(walmartPolicy.pickupCarrier).toEqual({ wanted: true, source: expect.stringMatching(/seed 000/) });
    expect(amazonPolicy.pickupCarrier.wanted).toBe(false);
  });
});
