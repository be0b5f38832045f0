import PDFDocument from 'pdfkit';
import type { PostalAddress } from '@order-hub/types';
import { toCsv } from 'src/modules/compliance/csv/csv';
import { formatInZone } from 'src/modules/print/printable-order';

/** What a purchase order tells the supplier: which order, by when, what to ship, to whom, and where to give tracking. */
export interface PurchaseOrderDocument {
  number: string;
  supplierName: string;
  sellerName: string;
  orderNumber: string;
  customerOrderNumber: string | null;
  shipBy: Date | null;
  trackingDueAt: Date | null;
  timeZone: string;
  lines: { sku: string; title: string; quantity: number }[];
  /** Null when the buyer's address is gone (past retention): the supplier cannot ship it. */
  shipTo: PostalAddress | null;
  /** The supplier's tracking page for this order, when the hub can sign one. */
  link: string | null;
}

const when = (at: Date | null, zone: string) => (at ? formatInZone(at, zone) : 'not set by the channel');

function addressLines(a: PostalAddress | null): string[] {
  if (!a) return ['Address no longer held by the hub; ask the seller.'];
  return [
    a.name,
    a.line1,
    a.line2,
    a.line3,
    `${a.city}, ${a.stateOrRegion} ${a.postalCode}`,
    a.countryCode,
    a.phone,
  ].filter((l): l is string => Boolean(l && l.trim()));
}

/** Where to send tracking: the link, or the seller's order page when the hub has no link to give. */
export function trackingInstruction(doc: PurchaseOrderDocument): string {
  return doc.link
    ? `Enter the carrier and tracking number at ${doc.link}`
    : `Reply to this e-mail with the carrier and tracking number; the seller's order page holds the supplier link for this order.`;
}

/** One row per line, each repeating the order and ship-to, so the file stands alone in a spreadsheet or import. */
export function purchaseOrderCsv(doc: PurchaseOrderDocument): string {
  const a = doc.shipTo;
  const header = [
    'PO number',
    'Order number',
    'Customer order number',
    'Ship by',
    'Tracking due by',
    'SKU',
    'Title',
    'Quantity',
    'Ship-to name',
    'Address line 1',
    'Address line 2',
    'City',
    'State',
    'Postal code',
    'Country',
    'Phone',
    'Tracking link',
  ];
  const rows = doc.lines.map((l) => [
    doc.number,
    doc.orderNumber,
    doc.customerOrderNumber,
    doc.shipBy,
    doc.trackingDueAt,
    l.sku,
    l.title,
    l.quantity,
    a?.name ?? null,
    a?.line1 ?? null,
    [a?.line2, a?.line3].filter(Boolean).join(' ') || null,
    a?.city ?? null,
    a?.stateOrRegion ?? null,
    a?.postalCode ?? null,
    a?.countryCode ?? null,
    a?.phone ?? null,
    doc.link,
  ]);
  return toCsv(header, rows);
}

/** The e-mail's text: the same facts as the attachment, readable without opening it. */
export function purchaseOrderText(doc: PurchaseOrderDocument): string {
  return [
    `Purchase order ${doc.number} from ${doc.sellerName} to ${doc.supplierName}`,
    '',
    `Order number: ${doc.orderNumber}${doc.customerOrderNumber ? ` (customer order ${doc.customerOrderNumber})` : ''}`,
    `Ship by: ${when(doc.shipBy, doc.timeZone)}`,
    `Tracking due by: ${when(doc.trackingDueAt, doc.timeZone)}`,
    '',
    'Ship:',
    ...doc.lines.map((l) => `  ${l.quantity} x ${l.sku} - ${l.title}`),
    '',
    'Ship to:',
    ...addressLines(doc.shipTo).map((l) => `  ${l}`),
    '',
    trackingInstruction(doc),
  ].join('\n');
}

export function purchaseOrderPdf(doc: PurchaseOrderDocument): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'LETTER', margin: 48, info: { Title: doc.number, Producer: 'order-hub' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('Helvetica-Bold').fontSize(16).text(`Purchase order ${doc.number}`);
  pdf.font('Helvetica').fontSize(10).text(`From ${doc.sellerName} to ${doc.supplierName}`).moveDown();
  pdf.text(`Order number: ${doc.orderNumber}`);
  if (doc.customerOrderNumber) pdf.text(`Customer order number: ${doc.customerOrderNumber}`);
  pdf.text(`Ship by: ${when(doc.shipBy, doc.timeZone)}`);
  pdf.text(`Tracking due by: ${when(doc.trackingDueAt, doc.timeZone)}`).moveDown();
  pdf.font('Helvetica-Bold').text('Ship to');
  pdf.font('Helvetica');
  for (const l of addressLines(doc.shipTo)) pdf.text(l);
  pdf.moveDown().font('Helvetica-Bold').text('Lines');
  pdf.font('Helvetica');
  for (const l of doc.lines) pdf.text(`${l.quantity} x ${l.sku} - ${l.title}`);
  pdf.moveDown().text(trackingInstruction(doc));
  pdf.end();
  return done;
}
