import PDFDocument from 'pdfkit';
import type { PickListRow } from './pick-list';
import { formatInZone, shipToLines, type PrintableOrder } from './printable-order';

const MARGIN = 48;
/** US Letter, the size label and office printers in the channels' markets load. */
const PAGE = { size: 'LETTER' as const, margin: MARGIN };

function render(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ ...PAGE, autoFirstPage: false, info: { Title: 'order-hub', Producer: 'order-hub' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** A simple table: a bold header row, then one row per entry, wrapping text within each column. */
function table(doc: PDFKit.PDFDocument, columns: Column[], rows: string[][]): void {
  const left = MARGIN;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    const y = doc.y;
    let x = left;
    let height = 0;
    cells.forEach((cell, i) => {
      const { width, align } = columns[i];
      height = Math.max(height, doc.heightOfString(cell, { width: width - 6 }));
      doc.text(cell, x, y, { width: width - 6, align: align ?? 'left' });
      x += width;
    });
    doc.x = left;
    doc.y = y + height + 4;
  };
  drawRow(
    columns.map((c) => c.header),
    true,
  );
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  doc
    .moveTo(left, doc.y - 2)
    .lineTo(left + width, doc.y - 2)
    .stroke();
  for (const row of rows) {
    if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
    drawRow(row, false);
  }
}

/** Units packed for a line: what was ordered less what was cancelled. */
const packedUnits = (l: { quantityOrdered: number; quantityCancelled: number }) =>
  Math.max(0, l.quantityOrdered - l.quantityCancelled);

/** One page per order: who sells, the order number and date, where it goes and what is in the box (no prices). */
export function packingSlipsPdf(orders: readonly PrintableOrder[]): Promise<Buffer> {
  return render((doc) => {
    for (const { order, lines, account } of orders) {
      doc.addPage();
      doc.font('Helvetica-Bold').fontSize(18).text(account.name);
      doc.font('Helvetica').fontSize(10).text('Packing slip');
      doc.moveDown();
      doc.font('Helvetica-Bold').fontSize(12).text(`Order ${order.channelOrderId}`);
      doc
        .font('Helvetica')
        .fontSize(10)
        .text(`Ordered ${formatInZone(order.orderedAt, account.timeZone)}`);
      if (order.customerOrderId) doc.text(`Customer order ${order.customerOrderId}`);
      doc.moveDown();
      doc.font('Helvetica-Bold').fontSize(10).text('Ship to');
      doc.font('Helvetica').fontSize(11).text(shipToLines(order).join('\n'));
      doc.moveDown();
      table(
        doc,
        [
          { header: 'SKU', width: 140 },
          { header: 'Item', width: 320 },
          { header: 'Quantity', width: 56, align: 'right' },
        ],
        lines.filter((l) => packedUnits(l) > 0).map((l) => [l.sku, l.title, String(packedUnits(l))]),
      );
    }
  });
}

/** The pick list: one row per SKU in bin order, with the units to pick and the orders that want them. */
export function pickListPdf(rows: readonly PickListRow[], orderCount: number, printedAt: string): Promise<Buffer> {
  return render((doc) => {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(18).text('Pick list');
    const units = rows.reduce((sum, r) => sum + r.quantity, 0);
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`${orderCount} ${orderCount === 1 ? 'order' : 'orders'} · ${units} units · printed ${printedAt}`);
    doc.moveDown();
    if (rows.length === 0) {
      doc.text('Nothing left to pick: every line of these orders has shipped or been cancelled.');
      return;
    }
    table(
      doc,
      [
        { header: 'Bin', width: 64 },
        { header: 'SKU', width: 110 },
        { header: 'Item', width: 180 },
        { header: 'Qty', width: 40, align: 'right' },
        { header: 'Orders', width: 122 },
      ],
      rows.map((r) => [
        r.bin ?? '—',
        r.sku,
        r.title,
        String(r.quantity),
        r.orders.map((o) => (o.quantity > 1 ? `${o.channelOrderId} ×${o.quantity}` : o.channelOrderId)).join(', '),
      ]),
    );
  });
}
