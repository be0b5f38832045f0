import type { BuyerMessageView, MailMessageView } from '../lib/message-views';

export function buyerMessage(overrides: Partial<BuyerMessageView> = {}): BuyerMessageView {
  return {
    id: 'bm-1',
    channel: 'WALMART',
    account: { id: 'acc-w', name: 'Walmart US', timeZone: 'America/New_York' },
    order: { id: 'ord-1', channelOrderId: '1796000000001' },
    kind: 'BUYER_MESSAGE',
    from: 'buyer-8f2a@relay.walmart.com',
    subject: 'Where is my order 1796000000001?',
    receivedAt: '2026-12-02T18:00:00.000Z',
    respondBy: '2026-12-04T18:00:00.000Z',
    state: 'DUE_SOON',
    hoursLeft: 11.5,
    answeredAt: null,
    answeredBy: null,
    replyUrl: 'https://seller.walmart.com/order-management/details?orderGroups=1796000000001',
    mailMessageId: 'mail-1',
    excerpt: 'Hi, my order has not arrived yet.',
    ...overrides,
  };
}

export function mailMessage(overrides: Partial<MailMessageView> = {}): MailMessageView {
  return {
    id: 'mail-1',
    mailboxId: 'mbx-1',
    folder: 'Junk',
    folderRole: 'JUNK',
    from: 'shipping@acme-supply.example',
    fromName: 'Acme Supply',
    subject: 'Shipped: PO-261201-1',
    receivedAt: '2026-12-02T15:30:00.000Z',
    kind: 'SUPPLIER_TRACKING',
    outcome: 'APPLIED',
    summary: 'Tracking 1Z999AA10123456784 applied to the order.',
    trackingNumbers: ['1Z999AA10123456784'],
    orderNumbers: ['111-2223334-5556667'],
    reasons: [],
    orders: [{ id: 'ord-2', channel: 'AMAZON', channelOrderId: '111-2223334-5556667' }],
    ...overrides,
  };
}
