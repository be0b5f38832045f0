import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARRIER_LABELS, detectCarriers } from '@order-hub/rules';

/** The e-mails under test/fixtures/mail, written for the tests as suppliers, buyers and the channels send them. */
export const MAIL_FIXTURE_NAMES = [
  'supplier-tracking-plain',
  'supplier-tracking-html-table',
  'supplier-tracking-qp',
  'supplier-tracking-image-alt',
  'supplier-forwarded',
  'supplier-two-orders',
  'supplier-attachment-only',
  'supplier-po-reply',
  'walmart-buyer-message',
  'amazon-buyer-message',
  'walmart-performance-alert',
  'amazon-performance-notification',
  'seller-reply',
] as const;
export type MailFixtureName = (typeof MAIL_FIXTURE_NAMES)[number];

/**
 * What a test may set. CARRIER (the carrier's name as the mail prints it) defaults to the carrier of TRACKING;
 * MESSAGE_ID to a fresh id; DATE to now. Values are ASCII (they go into headers as they are); FROM and TO are bare
 * addresses (the fixture writes the display name).
 */
export type MailFixtureVar =
  | 'ORDER'
  | 'ORDER2'
  | 'CUSTOMER_ORDER'
  | 'TRACKING'
  | 'TRACKING2'
  | 'FROM'
  | 'TO'
  | 'MESSAGE_ID'
  | 'IN_REPLY_TO'
  | 'DATE'
  | 'SUBJECT'
  | 'CARRIER';
export type MailFixtureVars = Partial<Record<MailFixtureVar, string | Date>>;

const SHOP = 'orders@oakandtwine.example';
const WALMART_RELAY = '3a31f0c2e5b94d7e8a1b2c3d4e5f6a7b@relay.walmart.com';

const COMMON: MailFixtureVars = {
  TO: SHOP,
  ORDER: 'PO-261204-1',
  ORDER2: 'PO-261204-2',
  CUSTOMER_ORDER: '5281956426648',
  TRACKING: '1ZV4W5880T2K319429',
  TRACKING2: '9400111899223857104938',
  IN_REPLY_TO: '<CAJ7wz2k9b1QxR4m@relay.walmart.com>',
};

/** Each fixture's own sender, subject and order numbers, used unless the test gives its own. */
export const MAIL_FIXTURE_DEFAULTS: Readonly<Record<MailFixtureName, MailFixtureVars>> = {
  'supplier-tracking-plain': { FROM: 'shipping@acme-wholesale.example', SUBJECT: 'Shipped: PO {{ORDER}}' },
  'supplier-tracking-html-table': {
    FROM: 'dropship@northwind.example',
    SUBJECT: 'Shipment confirmation for PO {{ORDER}}',
  },
  'supplier-tracking-qp': { FROM: 'orders@bellahome.example', SUBJECT: 'Your order {{ORDER}} is on its way' },
  'supplier-tracking-image-alt': { FROM: 'noreply@summit-outdoor.example', SUBJECT: 'Order {{ORDER}} shipped' },
  'supplier-forwarded': {
    FROM: 'dana@acme-wholesale.example',
    SUBJECT: 'Fwd: Fwd: UPS Ship Notification, Tracking Number {{TRACKING}}',
  },
  'supplier-two-orders': { FROM: 'shipping@acme-wholesale.example', SUBJECT: 'Shipping update: 2 orders' },
  'supplier-attachment-only': { FROM: 'shipping@acme-wholesale.example', SUBJECT: 'Packing slip for PO {{ORDER}}' },
  'supplier-po-reply': {
    FROM: 'shipping@acme-wholesale.example',
    SUBJECT: 'RE: Purchase order {{ORDER}}',
    IN_REPLY_TO: '<po-PO-261204-1@oakandtwine.example>',
  },
  'walmart-buyer-message': {
    FROM: WALMART_RELAY,
    TO: 'support@oakandtwine.example',
    ORDER: '1796277083022',
    SUBJECT: 'Customer inquiry about Walmart order #{{ORDER}}',
  },
  'amazon-buyer-message': {
    FROM: '8x1vzq3k7tdwm2n@marketplace.amazon.com',
    ORDER: '111-4821937-5520641',
    SUBJECT: 'Inquiry from Amazon customer Pat (Order: {{ORDER}})',
  },
  'walmart-performance-alert': {
    FROM: 'partnerhelp@wal-mart.com',
    ORDER: '4792982839704',
    ORDER2: '3796673088300',
    SUBJECT: 'Action Required: Walmart Marketplace orders flagged for invalid tracking',
  },
  'amazon-performance-notification': {
    FROM: 'seller-performance@amazon.com',
    ORDER: '111-4821937-5520641',
    ORDER2: '113-2290475-6618203',
    SUBJECT: 'Action required: Valid Tracking Rate below target in Toys & Games',
  },
  'seller-reply': {
    FROM: 'support@oakandtwine.example',
    TO: WALMART_RELAY,
    ORDER: '1796277083022',
    SUBJECT: 'Re: Customer inquiry about Walmart order #{{ORDER}}',
  },
};

const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'mail');
const PLACEHOLDER = /\{\{([A-Z0-9_]+)\}\}/g;

const pad = (n: number) => String(n).padStart(2, '0');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An RFC 5322 date in UTC: "Fri, 04 Dec 2026 03:14:44 +0000". */
export function rfc5322Date(d: Date): string {
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(
    d.getUTCHours(),
  )}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** A tracking number printed as carriers print it: UPS "1Z 999 AA1 01 2345 6784", others in groups of four. */
export function spacedTrackingNumber(tracking: string): string {
  if (/^1Z[0-9A-Z]{16}$/.test(tracking)) {
    const g = [2, 3, 3, 2, 4, 4];
    let at = 0;
    return g.map((n) => tracking.slice(at, (at += n))).join(' ');
  }
  return tracking.replace(/(.{4})(?=.)/g, '$1 ');
}

/** A one-page PDF packing slip naming the order and tracking number (the only place the number is). */
export function packingSlipPdf(order: string, tracking: string): Buffer {
  const text = (s: string) => s.replace(/[()\\]/g, '\\$&');
  const content = [
    'BT /F1 16 Tf 72 720 Td (Packing slip) Tj ET',
    `BT /F1 11 Tf 72 690 Td (Purchase order: ${text(order)}) Tj ET`,
    `BT /F1 11 Tf 72 672 Td (Tracking number: ${text(tracking)}) Tj ET`,
    'BT /F1 11 Tf 72 654 Td (Acme Wholesale, 1400 Commerce St, Dallas, TX 75201) Tj ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1) || 'mail.example';

/**
 * A fixture as raw RFC 822 text: placeholders replaced (the test's values, else the fixture's defaults), CRLF line
 * endings, a fresh Message-ID unless one is given. Throws when a placeholder has no value.
 */
export function renderMailFixture(name: MailFixtureName, vars: MailFixtureVars = {}): string {
  const given: Record<string, string | Date | undefined> = { ...COMMON, ...MAIL_FIXTURE_DEFAULTS[name], ...vars };
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    values[key] = value instanceof Date ? rfc5322Date(value) : value;
  }
  values.DATE ??= rfc5322Date(new Date());
  const tracking = values.TRACKING ?? '';
  values.CARRIER ??= CARRIER_LABELS[detectCarriers(tracking)[0] ?? 'OTHER'];
  values.MESSAGE_ID ??= `<${randomUUID()}@${domainOf(values.FROM ?? '')}>`;
  if (!values.MESSAGE_ID.startsWith('<')) values.MESSAGE_ID = `<${values.MESSAGE_ID}>`;
  if (values.IN_REPLY_TO && !values.IN_REPLY_TO.startsWith('<')) values.IN_REPLY_TO = `<${values.IN_REPLY_TO}>`;
  for (const [key, value] of Object.entries(values)) {
    if (/[^\x20-\x7e]/.test(value)) throw new Error(`mail fixture ${name}: ${key} must be printable ASCII`);
  }
  for (const key of ['FROM', 'TO'] as const) {
    if (values[key] && !/^[^\s<>@]+@[^\s<>@]+$/.test(values[key])) {
      throw new Error(`mail fixture ${name}: ${key} must be a bare address (name@domain), got ${values[key]}`);
    }
  }
  const fill = (s: string): string =>
    s.replace(PLACEHOLDER, (_m, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`mail fixture ${name}: no value for {{${key}}}`);
      return value;
    });
  // Values may name others ("Shipped: PO {{ORDER}}"): fill them first.
  for (const key of Object.keys(values)) values[key] = fill(values[key]);
  values.TRACKING_SPACED = spacedTrackingNumber(tracking);
  values.PDF_BASE64 = packingSlipPdf(values.ORDER ?? '', tracking)
    .toString('base64')
    .replace(/(.{76})(?=.)/g, '$1\n');
  const raw = fill(readFileSync(join(FIXTURE_DIR, `${name}.eml`), 'utf8'));
  return raw.replace(/\r?\n/g, '\r\n');
}
