import { deflateSync } from 'node:zlib';

/** What a 4×6 label shows: the carrier's service, the tracking number (also as bars), who ships to whom. */
export interface LabelContent {
  carrier: string;
  service: string;
  trackingCode: string;
  from: string[];
  to: string[];
}

export type LabelFileFormat = 'PDF' | 'ZPL' | 'PNG';

export const LABEL_FILE_TYPES: Readonly<Record<LabelFileFormat, string>> = {
  PDF: 'application/pdf',
  ZPL: 'application/zpl',
  PNG: 'image/png',
};

/** The bars of a code: one wide or narrow bar per bit of each character (a stand-in, not a real symbology). */
function bars(code: string): { x: number; w: number }[] {
  const out: { x: number; w: number }[] = [];
  let x = 0;
  for (const ch of code) {
    for (let bit = 6; bit >= 0; bit -= 1) {
      const w = (ch.charCodeAt(0) >> bit) & 1 ? 3 : 1;
      out.push({ x, w });
      x += w + 2;
    }
  }
  return out;
}

const ascii = (s: string) => s.replace(/[^\x20-\x7e]/g, '?');
const pdfText = (s: string) => ascii(s).replace(/([\\()])/g, '\\$1');

/** A one-page PDF, 4×6 in (288×432 pt), Helvetica text and the code's bars. */
export function labelPdf(c: LabelContent): Buffer {
  const lines: string[] = ['BT /F1 9 Tf 18 410 Td 11 TL'];
  for (const l of ['FROM:', ...c.from]) lines.push(`(${pdfText(l)}) Tj T*`);
  lines.push('ET', 'BT /F1 12 Tf 36 320 Td 15 TL');
  for (const l of ['SHIP TO:', ...c.to]) lines.push(`(${pdfText(l)}) Tj T*`);
  lines.push('ET', `BT /F1 14 Tf 18 200 Td (${pdfText(`${c.carrier} ${c.service}`.toUpperCase())}) Tj ET`);
  const code = bars(c.trackingCode);
  const scale = Math.min(1, 252 / Math.max(1, (code.at(-1)?.x ?? 0) + 3));
  for (const b of code) lines.push(`${(18 + b.x * scale).toFixed(2)} 90 ${(b.w * scale).toFixed(2)} 90 re f`);
  lines.push(`BT /F1 11 Tf 18 70 Td (TRACKING #: ${pdfText(c.trackingCode)}) Tj ET`);
  const stream = lines.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The label in Zebra's ZPL II at 203 dpi (812×1218 dots). */
export function labelZpl(c: LabelContent): Buffer {
  const zpl = (s: string) => ascii(s).replace(/[\^~]/g, ' ');
  const out = ['^XA', '^PW812', '^LL1218', '^CF0,24'];
  [...['FROM:', ...c.from]].forEach((l, i) => out.push(`^FO30,${30 + i * 28}^FD${zpl(l)}^FS`));
  out.push('^CF0,36');
  [...['SHIP TO:', ...c.to]].forEach((l, i) => out.push(`^FO80,${260 + i * 42}^FD${zpl(l)}^FS`));
  out.push(`^FO30,600^A0N,48,48^FD${zpl(`${c.carrier} ${c.service}`.toUpperCase())}^FS`);
  out.push(`^FO60,700^BY3^BCN,220,Y,N,N^FD${zpl(c.trackingCode)}^FS`, '^XZ');
  return Buffer.from(`${out.join('\n')}\n`, 'latin1');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** A 1-bit greyscale PNG, 4×6 in at 100 dpi (400×600): a frame and the code's bars (EasyPost's default file type). */
export function labelPng(c: LabelContent): Buffer {
  const [width, height] = [400, 600];
  const rowBytes = width / 8;
  const pixels = Buffer.alloc((rowBytes + 1) * height, 0xff);
  const black = (x: number, y: number) => {
    const at = y * (rowBytes + 1) + 1 + (x >> 3);
    pixels[at] &= ~(0x80 >> (x & 7));
  };
  for (let y = 0; y < height; y += 1) pixels[y * (rowBytes + 1)] = 0;
  for (let x = 0; x < width; x += 1) for (const y of [10, 11, height - 12, height - 11]) black(x, y);
  for (let y = 0; y < height; y += 1) for (const x of [10, 11, width - 12, width - 11]) black(x, y);
  const code = bars(c.trackingCode);
  const scale = Math.min(1, 340 / Math.max(1, (code.at(-1)?.x ?? 0) + 3));
  for (const b of code)
    for (let x = Math.round(30 + b.x * scale); x < Math.round(30 + (b.x + b.w) * scale) + 1; x += 1)
      for (let y = 420; y < 540; y += 1) black(x, y);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from(`Comment\0${ascii(`${c.carrier} ${c.service} ${c.trackingCode}`)}`, 'latin1')),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function labelFile(format: LabelFileFormat, content: LabelContent): Buffer {
  return format === 'PDF' ? labelPdf(content) : format === 'ZPL' ? labelZpl(content) : labelPng(content);
}
