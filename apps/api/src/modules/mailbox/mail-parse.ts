import { createHash } from 'node:crypto';
import { convert, type FormatCallback } from 'html-to-text';
import { type AddressObject, simpleParser } from 'mailparser';

/** The body kept as evidence (and handed to the handlers) is cut at 64 KB. */
export const BODY_TEXT_MAX = 64 * 1024;

/** A message as the hub reads it: the headers it keeps and its text. */
export interface ParsedMessage {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  from: { address: string; name: string | null };
  to: string[];
  subject: string;
  /** The Date header, when there is one the parser could read. */
  date: Date | null;
  text: string;
  attachments: { filename: string | null; contentType: string; size: number }[];
}

/** An <img> becomes its alt text (a tracking number may be only there), never its address. */
const imageAlt: FormatCallback = (elem, _walk, builder) => {
  const attribs = (elem as { attribs?: Record<string, unknown> }).attribs;
  const alt = typeof attribs?.alt === 'string' ? attribs.alt.trim() : '';
  if (alt) builder.addInline(` ${alt} `);
};

/** HTML to plain text: table cells apart (a number in a cell never runs into its neighbour), image alt kept. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    formatters: { imageAlt },
    selectors: [
      { selector: 'img', format: 'imageAlt' },
      { selector: 'table', format: 'dataTable', options: { colSpacing: 3, uppercaseHeaderCells: false } },
      { selector: 'a', options: { ignoreHref: true } },
    ],
  });
}

const addresses = (value: AddressObject | AddressObject[] | undefined): { address: string; name: string | null }[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((o) =>
    o.value.flatMap((a) => [
      ...(a.address ? [{ address: a.address.toLowerCase(), name: a.name || null }] : []),
      ...(a.group ?? []).flatMap((g) =>
        g.address ? [{ address: g.address.toLowerCase(), name: g.name || null }] : [],
      ),
    ]),
  );

/** Message-IDs as the header wrote them, angle brackets included. */
const ids = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? value.split(/\s+/) : []).map((s) => s.trim()).filter(Boolean);

/**
 * Parses a raw RFC 822 message. The text is the plain text part, or the HTML converted when there is none; a
 * message without a Message-ID gets one from its content's hash, so the same message delivered twice is one.
 */
export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  const plain = (mail.text ?? '').trim();
  const text = plain || (typeof mail.html === 'string' ? htmlToText(mail.html).trim() : '');
  const from = addresses(mail.from)[0] ?? { address: '', name: null };
  return {
    messageId: mail.messageId?.trim() || `<sha256-${createHash('sha256').update(raw).digest('hex')}@order-hub>`,
    inReplyTo: ids(mail.inReplyTo)[0] ?? null,
    references: ids(mail.references),
    from,
    to: addresses(mail.to).map((a) => a.address),
    subject: mail.subject ?? '',
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    text: text.length > BODY_TEXT_MAX ? text.slice(0, BODY_TEXT_MAX) : text,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      size: a.size,
    })),
  };
}
