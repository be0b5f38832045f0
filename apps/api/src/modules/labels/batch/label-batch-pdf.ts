import type { LabelFormat } from '@order-hub/types';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** 4×6 in, the label stock thermal and office label printers load, in points. */
const LABEL_PAGE: [number, number] = [288, 432];

export interface BatchLabel {
  format: LabelFormat;
  /** The label file; null when it was never fetched (its reprint fetches it). */
  bytes: Uint8Array | null;
  carrierName: string | null;
  serviceName: string | null;
  trackingNumber: string | null;
}

/** One order of the batch, in pick order: its labels, then its packing slip (a PDF of one or more pages). */
export interface BatchOrder {
  orderNumber: string;
  labels: BatchLabel[];
  packingSlip: Uint8Array;
}

/**
 * One PDF for a print run: for each order, its labels then its packing slip. A PDF label's pages are copied as they
 * are; a PNG label is placed on a 4×6 page; a ZPL label cannot be drawn on paper, so its page says to print it on a
 * thermal printer; a label whose file is missing or unreadable gets a page asking for its reprint.
 */
export async function batchPdf(orders: readonly BatchOrder[]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  out.setTitle('order-hub labels and packing slips');
  out.setProducer('order-hub');
  out.setCreator('order-hub');
  const font = await out.embedFont(StandardFonts.Helvetica);
  for (const order of orders) {
    for (const label of order.labels) await addLabel(out, font, order.orderNumber, label);
    await copyAll(out, order.packingSlip);
  }
  return out.save();
}

async function addLabel(out: PDFDocument, font: PDFFont, orderNumber: string, label: BatchLabel): Promise<void> {
  const has = !!label.bytes && label.bytes.length > 0;
  if (has && label.format !== 'ZPL') {
    try {
      return await (label.format === 'PDF' ? copyAll(out, label.bytes!) : addPng(out, label.bytes!));
    } catch {
      // A file the provider sent damaged: the note page below asks for its reprint, the rest of the batch prints.
    }
  }
  const why =
    has && label.format === 'ZPL'
      ? ['This label is in ZPL:', 'print it on a thermal printer', '(Print label on the order).']
      : [has ? 'The label file could not be read:' : 'The label file is missing:', 'reprint it from the order.'];
  writeLines(out.addPage(LABEL_PAGE), font, [
    `Order ${orderNumber}`,
    [label.carrierName, label.serviceName].filter(Boolean).join(' · '),
    label.trackingNumber ? `Tracking ${label.trackingNumber}` : '',
    '',
    ...why,
  ]);
}

async function addPng(out: PDFDocument, bytes: Uint8Array): Promise<void> {
  const image = await out.embedPng(bytes);
  const page = out.addPage(LABEL_PAGE);
  const scale = Math.min(LABEL_PAGE[0] / image.width, LABEL_PAGE[1] / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  page.drawImage(image, { x: (LABEL_PAGE[0] - width) / 2, y: (LABEL_PAGE[1] - height) / 2, width, height });
}

async function copyAll(out: PDFDocument, bytes: Uint8Array): Promise<void> {
  const source = await PDFDocument.load(bytes);
  for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
}

function writeLines(page: PDFPage, font: PDFFont, lines: string[]): void {
  let y = LABEL_PAGE[1] - 48;
  for (const line of lines) {
    page.drawText(winAnsi(line), { x: 24, y, size: 12, font, color: rgb(0, 0, 0), maxWidth: LABEL_PAGE[0] - 48 });
    y -= 20;
  }
}

/** The standard fonts write WinAnsi only: anything else (a name in another script) is shown as "?". */
const winAnsi = (text: string) => text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
