import { CHANNEL_MAIL_SENDERS, buyerMessageReplyUrl, classifyChannelMail } from './classify-channel-mail';

describe('classifyChannelMail', () => {
  it.each<[string, string, string, string, string | null]>([
    [
      'a Walmart buyer relay',
      'Jane D <3A31F0C2E5B94D7E8A1B2C3D4E5F6A7B@relay.walmart.com>',
      'Question about order 1796277083022',
      'Where is my package?',
      'WALMART BUYER_MESSAGE',
    ],
    [
      'an Amazon buyer-seller message',
      '"Pat - Amazon Marketplace" <8x1vzq3k7tdwm2n@marketplace.amazon.com>',
      'Inquiry from Amazon customer Pat (Order: 111-4821937-5520641)',
      'Hi, has it shipped?',
      'AMAZON BUYER_MESSAGE',
    ],
    [
      'a Walmart Partner Performance e-mail',
      'Walmart Partner Performance <partnerhelp@wal-mart.com>',
      'Action Required: Orders flagged for invalid tracking',
      'Please respond within 24 hours.',
      'WALMART PERFORMANCE_ALERT',
    ],
    [
      'an Amazon account health notification',
      'seller-performance@amazon.com',
      'Your Amazon selling account: Valid Tracking Rate below target',
      'Your account health is at risk.',
      'AMAZON PERFORMANCE_ALERT',
    ],
    [
      'an Amazon shipping notice is not a performance alert',
      'ship-confirm@amazon.com',
      'Your order has shipped',
      'Track it',
      null,
    ],
    [
      'an Amazon account e-mail without performance wording',
      'payments-messages@amazon.com',
      'Action required: update your deposit method',
      'Your bank account could not be verified.',
      null,
    ],
    ['a Walmart newsletter', 'news@walmart.com', 'Holiday deals', 'Save big', null],
    ['a look-alike domain', 'alerts@relay.walmart.com.evil.example', 'Question', 'hi', null],
    ['a supplier', 'orders@acme-wholesale.example', 'Tracking for PO-261204-1', 'Tracking 1Z999AA10123456784', null],
    ['no address', 'undisclosed-recipients', 'x', 'y', null],
  ])('%s', (_name, from, subject, text, expected) => {
    const found = classifyChannelMail({ from, subject, text });
    expect(found ? `${found.channel} ${found.kind}` : null).toBe(expected);
  });

  it('keeps a source and an effective date on every sender row', () => {
    for (const row of CHANNEL_MAIL_SENDERS) {
      expect(row.source.length).toBeGreaterThan(40);
      expect(row.effectiveFrom.getTime()).not.toBeNaN();
    }
  });
});

describe('buyerMessageReplyUrl', () => {
  it.each<[string, 'WALMART' | 'AMAZON', string | null, string]>([
    [
      'Walmart order page',
      'WALMART',
      '1796277083022',
      'https://seller.walmart.com/order-management/details?orderGroups=All&poNumber=1796277083022',
    ],
    ['Walmart inbox without an order', 'WALMART', null, 'https://seller.walmart.com/inbox'],
    [
      'Amazon order page',
      'AMAZON',
      '111-4821937-5520641',
      'https://sellercentral.amazon.com/orders-v3/order/111-4821937-5520641',
    ],
    ['Amazon messages without an order', 'AMAZON', ' ', 'https://sellercentral.amazon.com/messaging/inbox'],
  ])('%s', (_name, channel, id, url) => {
    expect(buyerMessageReplyUrl(channel, id)).toBe(url);
  });
});
