import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { batchPdf, type BatchLabel } from './label-batch-pdf';

/** A real one-page PDF of the given size. */
async function pdfOf(width: number, height: number, pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([width, height]);
  return doc.save();
}

/** A 2×3 px RGB PNG, built from its chunks. */
function png(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(3, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: 3 }, () => Buffer.from([0, 0, 0, 0, 255, 255, 255])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const label = (format: BatchLabel['format'], bytes: Uint8Array | null): BatchLabel => ({
  format,
  bytes,
  carrierName: 'UPS',
  serviceName: 'UPS® Ground',
  trackingNumber: '1Z999AA10123456784',
});
const sizes = (doc: PDFDocument) => doc.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())]);

describe('batchPdf', () => {
  it('puts each order’s labels before its packing slip, in the order given', async () => {
    const slip = await pdfOf(612, 792);
    const twoPageSlip = await pdfOf(612, 792, 2);
    const out = await PDFDocument.load(
      await batchPdf([
        { orderNumber: '1', labels: [label('PDF', await pdfOf(288, 432))], packingSlip: twoPageSlip },
        { orderNumber: '2', labels: [label('PNG', png()), label('ZPL', Buffer.from('^XA^XZ'))], packingSlip: slip },
        { orderNumber: '3', labels: [label('PDF', null)], packingSlip: slip },
      ]),
    );
    expect(sizes(out)).toEqual([
      [288, 432],
      [612, 792],
      [612, 792],
      [288, 432],
      [288, 432],
      [612, 792],
      [288, 432],
      [612, 792],
    ]);
  });

  it('makes a readable PDF of nothing but a missing label’s note, with a name outside WinAnsi', async () => {
    const bytes = await batchPdf([
      {
        orderNumber: '4',
        labels: [{ ...label('ZPL', null), carrierName: '顺丰' }],
        packingSlip: await pdfOf(612, 792),
      },
    ]);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(2);
  });

  it('prints a note asking for the reprint of a label whose file is damaged, and the rest of the batch', async () => {
    const out = await PDFDocument.load(
      await batchPdf([
        {
          orderNumber: '5',
          labels: [label('PDF', Buffer.from('not a pdf')), label('PNG', Buffer.from('not a png'))],
          packingSlip: await pdfOf(612, 792),
        },
      ]),
    );
    expect(sizes(out)).toEqual([
      [288, 432],
      [288, 432],
      [612, 792],
    ]);
  });
});
