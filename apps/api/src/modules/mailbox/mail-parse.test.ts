import { BODY_TEXT_MAX, htmlToText, parseMessage } from './mail-parse';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'));

describe('reading a message', () => {
  it('keeps table cells apart and an image alt text, without link addresses', () => {
    const text = htmlToText(
      '<table><tr><td>PO-1</td><td>1Z999AA10123456784</td></tr></table><p><img src="x.png" alt="UPS 1ZV4W5880T2K319429"> <a href="https://t.test/?n=1">Track</a></p>',
    );
    expect(text).toMatch(/PO-1\s+1Z999AA10123456784/);
    expect(text).toContain('UPS 1ZV4W5880T2K319429');
    expect(text).toContain('Track');
    expect(text).not.toContain('t.test');
  });

  it('prefers the plain text part and reads the headers the hub keeps', async () => {
    const parsed = await parseMessage(
      crlf([
        'From: "Acme" <Shipping@Acme.example>',
        'To: a@shop.example, b@shop.example',
        'Subject: =?utf-8?Q?Shipped_=E2=9C=93?=',
        'Date: Thu, 03 Dec 2026 15:04:05 +0000',
        'Message-ID: <m1@acme.example>',
        'In-Reply-To: <q1@shop.example>',
        'References: <q0@shop.example> <q1@shop.example>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/alternative; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Plain words',
        '--b',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>HTML words</p>',
        '--b--',
        '',
      ]),
    );
    expect(parsed).toMatchObject({
      messageId: '<m1@acme.example>',
      inReplyTo: '<q1@shop.example>',
      references: ['<q0@shop.example>', '<q1@shop.example>'],
      from: { address: 'shipping@acme.example', name: 'Acme' },
      to: ['a@shop.example', 'b@shop.example'],
      subject: 'Shipped ✓',
      date: new Date('2026-12-03T15:04:05Z'),
      text: 'Plain words',
    });
  });

  it('gives a message without a Message-ID one from its content, the same for the same bytes, and trims the text', async () => {
    const raw = crlf(['From: x@y.example', 'Subject: no id', '', 'a'.repeat(BODY_TEXT_MAX + 10), '']);
    const a = await parseMessage(raw);
    const b = await parseMessage(Buffer.from(raw));
    expect(a.messageId).toMatch(/^<sha256-[0-9a-f]{64}@order-hub>$/);
    expect(b.messageId).toBe(a.messageId);
    expect(a.text).toHaveLength(BODY_TEXT_MAX);
  });
});
