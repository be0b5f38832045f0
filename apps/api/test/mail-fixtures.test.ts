import {
  classifyChannelMail,
  findOrderReferences,
  findTrackingNumbers,
  isForwarded,
  orderNumbersIn,
  splitQuoted,
} from '@order-hub/rules';
import { convert, type FormatCallback } from 'html-to-text';
import { simpleParser } from 'mailparser';
import {
  MAIL_FIXTURE_DEFAULTS,
  MAIL_FIXTURE_NAMES,
  renderMailFixture,
  type MailFixtureName,
  type MailFixtureVars,
} from './support/mail-fixtures';

// As the mailbox reads HTML-only mail: table cells apart, an <img> as its alt text, links without their address.
const imageAlt: FormatCallback = (elem, _walk, builder) => {
  const alt = typeof elem.attribs?.alt === 'string' ? elem.attribs.alt.trim() : '';
  if (alt) builder.addInline(` ${alt} `);
};
const htmlToText = (html: string) =>
  convert(html, {
    wordwrap: false,
    formatters: { imageAlt },
    selectors: [
      { selector: 'img', format: 'imageAlt' },
      { selector: 'table', format: 'dataTable', options: { colSpacing: 3, uppercaseHeaderCells: false } },
      { selector: 'a', options: { ignoreHref: true } },
    ],
  });

async function read(name: MailFixtureName, vars: MailFixtureVars = {}) {
  const raw = renderMailFixture(name, vars);
  const mail = await simpleParser(Buffer.from(raw), { skipHtmlToText: true, skipTextToHtml: true });
  const plain = (mail.text ?? '').trim();
  const text = plain || (typeof mail.html === 'string' ? htmlToText(mail.html).trim() : '');
  return { raw, mail, text, subject: mail.subject ?? '', from: mail.from?.value[0]?.address ?? '' };
}

const UPS = '1ZV4W5880T2K319429';
const USPS = '9400111899223857104938';
const FEDEX = '798412530617';

describe('mail fixtures', () => {
  it.each(MAIL_FIXTURE_NAMES)(
    '%s is a well-formed message with CRLF line endings and a fresh Message-ID',
    async (name) => {
      const date = new Date('2026-12-03T21:14:05Z');
      const first = await read(name, { DATE: date });
      const second = await read(name, { DATE: date });
      expect(first.raw).not.toMatch(/[^\r]\n/);
      expect(first.raw).not.toContain('{{');
      expect(first.mail.messageId).toMatch(/^<[^@\s]+@[^>\s]+>$/);
      expect(first.mail.messageId).not.toBe(second.mail.messageId);
      expect(first.mail.date?.toISOString()).toBe(date.toISOString());
      expect(first.from).toBe(String(MAIL_FIXTURE_DEFAULTS[name].FROM).toLowerCase());
      expect(first.text.length).toBeGreaterThan(40);
    },
  );

  it('refuses a value that cannot go into a header as it is', () => {
    expect(() => renderMailFixture('supplier-tracking-plain', { SUBJECT: 'Envío' })).toThrow(/SUBJECT/);
  });

  it('refuses a sender with a display name: the fixture writes the name', () => {
    expect(() => renderMailFixture('supplier-tracking-plain', { FROM: 'Acme <a@acme.example>' })).toThrow(/FROM/);
  });

  it('keeps a Message-ID given without its angle brackets', async () => {
    const { mail } = await read('supplier-tracking-plain', { MESSAGE_ID: 'po-1@acme-wholesale.example' });
    expect(mail.messageId).toBe('<po-1@acme-wholesale.example>');
  });
});

describe('supplier tracking e-mails, read by the rules', () => {
  const candidates = [
    { key: 'order-1', numbers: ['PO-261204-1', '111-4821937-5520641'] },
    { key: 'order-2', numbers: ['PO-261204-2', '1796277083022'] },
    { key: 'order-9', numbers: ['PO-261204-12'] },
  ];

  it.each<[MailFixtureName, string]>([
    ['supplier-tracking-plain', UPS],
    ['supplier-tracking-plain', USPS],
    ['supplier-tracking-html-table', UPS],
    ['supplier-tracking-html-table', USPS],
    ['supplier-tracking-html-table', FEDEX],
    ['supplier-tracking-qp', UPS],
    ['supplier-tracking-qp', USPS],
    ['supplier-tracking-image-alt', UPS],
    ['supplier-tracking-image-alt', USPS],
  ])('%s with %s: one tracking number, one order', async (name, tracking) => {
    const { text, subject, mail } = await read(name, { TRACKING: tracking });
    expect(findTrackingNumbers(text).map((f) => f.trackingNumber)).toEqual([tracking]);
    expect(findOrderReferences(`${subject}\n${text}`, candidates)).toEqual(['order-1']);
    expect(isForwarded(subject, text)).toBe(false);
    expect(classifyChannelMail({ from: mail.from?.text ?? '', subject, text })).toBeNull();
  });

  it('a UPS number printed in groups is read whole', async () => {
    const { raw, text } = await read('supplier-tracking-qp', { TRACKING: UPS });
    expect(raw).toContain('1Z V4W 588 0T 2K31 9429');
    expect(findTrackingNumbers(text)[0]).toMatchObject({ trackingNumber: UPS, carriers: ['UPS'] });
  });

  it('a forwarded chain is seen as forwarded, and its number sits in the quoted part', async () => {
    const { text, subject } = await read('supplier-forwarded', { TRACKING: UPS });
    expect(isForwarded(subject, text)).toBe(true);
    expect(isForwarded('Shipped', text)).toBe(true);
    const { fresh, quoted } = splitQuoted(text);
    expect(findTrackingNumbers(fresh)).toEqual([]);
    expect(findTrackingNumbers(quoted).map((f) => f.trackingNumber)).toEqual([UPS]);
    expect(findOrderReferences(text, candidates)).toEqual(['order-1']);
  });

  it("a supplier's reply above our quoted purchase order: the number in the reply, the order in the subject", async () => {
    const { text, subject, mail } = await read('supplier-po-reply', { TRACKING: USPS });
    expect(mail.inReplyTo).toBe('<po-PO-261204-1@oakandtwine.example>');
    const { fresh, quoted } = splitQuoted(text);
    expect(findTrackingNumbers(fresh).map((f) => f.trackingNumber)).toEqual([USPS]);
    expect(findTrackingNumbers(quoted)).toEqual([]);
    expect(quoted).toContain('Round Rock, TX 78664');
    expect(findOrderReferences(`${subject}\n${fresh}`, candidates)).toEqual(['order-1']);
    expect(isForwarded(subject, text)).toBe(false);
  });

  it('two orders and two numbers are both found', async () => {
    const { text } = await read('supplier-two-orders', { TRACKING: UPS, TRACKING2: USPS });
    expect(findTrackingNumbers(text).map((f) => f.trackingNumber)).toEqual([UPS, USPS]);
    expect(findOrderReferences(text, candidates)).toEqual(['order-1', 'order-2']);
  });

  it('an attachment only: the text names the order but no tracking number; the PDF holds it', async () => {
    const { text, mail } = await read('supplier-attachment-only', { TRACKING: USPS });
    expect(findTrackingNumbers(text)).toEqual([]);
    expect(findOrderReferences(text, candidates)).toEqual(['order-1']);
    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf).toMatchObject({ contentType: 'application/pdf', filename: 'packing-slip-PO-261204-1.pdf' });
    expect(pdf.content.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdf.content.toString('latin1')).toContain(`Tracking number: ${USPS}`);
  });
});

describe('channel e-mails, read by the rules', () => {
  it.each<[MailFixtureName, string | null, { channel: string; number: string }[]]>([
    [
      'walmart-buyer-message',
      'WALMART BUYER_MESSAGE',
      [
        { channel: 'WALMART', number: '1796277083022' },
        { channel: 'WALMART', number: '5281956426648' },
      ],
    ],
    ['amazon-buyer-message', 'AMAZON BUYER_MESSAGE', [{ channel: 'AMAZON', number: '111-4821937-5520641' }]],
    [
      'walmart-performance-alert',
      'WALMART PERFORMANCE_ALERT',
      [
        { channel: 'WALMART', number: '4792982839704' },
        { channel: 'WALMART', number: '3796673088300' },
      ],
    ],
    [
      'amazon-performance-notification',
      'AMAZON PERFORMANCE_ALERT',
      [
        { channel: 'AMAZON', number: '111-4821937-5520641' },
        { channel: 'AMAZON', number: '113-2290475-6618203' },
      ],
    ],
    ['seller-reply', null, [{ channel: 'WALMART', number: '1796277083022' }]],
  ])('%s is %s and names its orders', async (name, expected, orders) => {
    const { text, subject, mail } = await read(name);
    const found = classifyChannelMail({ from: mail.from?.text ?? '', subject, text });
    expect(found ? `${found.channel} ${found.kind}` : null).toBe(expected);
    expect(orderNumbersIn(`${subject}\n${text}`)).toEqual(orders);
    expect(findTrackingNumbers(text)).toEqual([]);
  });

  it('the seller reply answers the buyer message: In-Reply-To, References, "Re:" and the quote apart', async () => {
    const buyer = await read('walmart-buyer-message');
    const reply = await read('seller-reply', { IN_REPLY_TO: buyer.mail.messageId ?? '' });
    expect(reply.mail.inReplyTo).toBe(buyer.mail.messageId);
    expect(reply.mail.references).toBe(buyer.mail.messageId);
    expect(reply.subject).toBe(`Re: ${buyer.subject}`);
    expect(reply.mail.to && !Array.isArray(reply.mail.to) ? reply.mail.to.value[0].address : '').toBe(buyer.from);
    const { fresh, quoted } = splitQuoted(reply.text);
    expect(fresh).toContain('scheduled to arrive Friday');
    expect(fresh).not.toContain('supposed to arrive yesterday');
    expect(quoted).toContain('supposed to arrive yesterday');
  });
});
