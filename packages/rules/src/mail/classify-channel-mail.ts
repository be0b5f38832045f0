import type { Channel } from '@order-hub/types';

/** A message from a channel: a buyer's message (relayed by the channel) or a performance e-mail, and why. */
export interface ChannelMailClass {
  channel: Channel;
  kind: 'BUYER_MESSAGE' | 'PERFORMANCE_ALERT';
  /** The table row's source: why the hub reads this sender this way. */
  source: string;
}

/** How the hub recognises one kind of channel e-mail. */
export interface ChannelMailSender {
  channel: Channel;
  kind: 'BUYER_MESSAGE' | 'PERFORMANCE_ALERT';
  /** Sender domains (the address's domain equals one of them, or is a subdomain of it). */
  domains: readonly string[];
  /** Domains excluded even though they fall under `domains` (the buyer relays under amazon.com). */
  exceptDomains?: readonly string[];
  /** When set, the subject or the text must match too: performance wording from a channel's general senders. */
  wording?: RegExp;
  source: string;
  /** First date the hub applies the row (the date of the text cited, or of the hub's knowledge). */
  effectiveFrom: Date;
}

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

const WALMART_PERFORMANCE_WORDING =
  /\b(?:performance|partner performance|flagged|action required|seller performance standards?|late origin scan|invalid tracking|auto[- ]?cancel(?:led|lation)?|address mismatch|suspen(?:ded|sion)|at risk)\b/i;
const AMAZON_PERFORMANCE_WORDING =
  /\b(?:account health|seller performance|performance notification|policy (?:warning|violation)|valid tracking rate|late shipment rate|order defect rate|cancellation rate|at risk of deactivation|deactivat(?:ed|ion)|listing (?:removal|removed))\b/i;

/**
 * Who sends the channels' buyer messages and performance e-mails, in the order they are tried (first match wins).
 * Sender addresses are facts where a source says so and the hub's best knowledge otherwise, as each row's source tells.
 */
export const CHANNEL_MAIL_SENDERS: readonly ChannelMailSender[] = [
  {
    channel: 'WALMART',
    kind: 'BUYER_MESSAGE',
    domains: ['relay.walmart.com'],
    source:
      'Walmart relays buyer e-mail through an anonymous address per order, the order\'s customerEmailId ("…@relay.walmart.com"): Walmart Orders API, shared/docs/reference/walmart.md; answer within 48 h including weekends (Marketplace Learn, Customer Care Policy)',
    effectiveFrom: at('2017-01-01'),
  },
  {
    channel: 'AMAZON',
    kind: 'BUYER_MESSAGE',
    domains: ['marketplace.amazon.com'],
    source:
      "Amazon Buyer-Seller Messaging relays a buyer's e-mail from an anonymised …@marketplace.amazon.com address (the Orders API's BuyerEmail is such an address). The domain is the hub's best knowledge from sellers' mailboxes, not a published Amazon fact",
    effectiveFrom: at('2015-01-01'),
  },
  {
    channel: 'WALMART',
    kind: 'PERFORMANCE_ALERT',
    domains: ['wal-mart.com', 'walmart.com'],
    exceptDomains: ['relay.walmart.com'],
    wording: WALMART_PERFORMANCE_WORDING,
    source:
      'Walmart Partner Performance e-mails about flagged orders expect an answer within 24 h (seed 000; ecomcircles.com "Walmart performance alert emails", third-party); one seen in a public .eml (2024-06-02) was sent from partnerhelp@wal-mart.com (DKIM d=wal-mart.com). Sender domain and wording are the hub\'s best knowledge, not a published list',
    effectiveFrom: at('2017-01-01'),
  },
  {
    channel: 'AMAZON',
    kind: 'PERFORMANCE_ALERT',
    domains: ['amazon.com'],
    exceptDomains: ['marketplace.amazon.com'],
    wording: AMAZON_PERFORMANCE_WORDING,
    source:
      "Amazon sends account health and seller performance notifications by e-mail as well as in Seller Central (Account Health help). Sender addresses such as seller-performance@amazon.com and seller-notification@amazon.com are the hub's best knowledge, not published by Amazon: any amazon.com sender with performance wording is taken",
    effectiveFrom: at('2015-01-01'),
  },
];

/** The address inside "Name <address>", lower-cased. */
function addressOf(from: string): string {
  const angle = /<([^>]+)>/.exec(from);
  return (angle ? angle[1] : from).trim().toLowerCase();
}

function underDomain(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

/**
 * Whether a message is a channel's buyer message or performance e-mail, by its sender (CHANNEL_MAIL_SENDERS) and, for
 * the channels' general senders, performance wording in its subject or text. Null when it is neither.
 */
export function classifyChannelMail(mail: { from: string; subject: string; text: string }): ChannelMailClass | null {
  const address = addressOf(mail.from ?? '');
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (!address.includes('@') || domain === '') return null;
  for (const row of CHANNEL_MAIL_SENDERS) {
    if (!row.domains.some((d) => underDomain(domain, d))) continue;
    if (row.exceptDomains?.some((d) => underDomain(domain, d))) continue;
    if (row.wording && !row.wording.test(mail.subject ?? '') && !row.wording.test(mail.text ?? '')) continue;
    return { channel: row.channel, kind: row.kind, source: row.source };
  }
  return null;
}

/** The channel's own page where the seller answers a buyer about an order (the hub never sends a buyer message). */
export const BUYER_MESSAGE_REPLY_PAGES: Readonly<
  Record<Channel, { order: (id: string) => string; inbox: string; source: string }>
> = {
  WALMART: {
    order: (po) =>
      `https://seller.walmart.com/order-management/details?orderGroups=All&poNumber=${encodeURIComponent(po)}`,
    inbox: 'https://seller.walmart.com/inbox',
    source:
      'Seller Center Inbox (Marketplace Learn, "Respond to customer messages in Seller Center"); the page addresses are the hub\'s best knowledge of Seller Center, not published',
  },
  AMAZON: {
    order: (id) => `https://sellercentral.amazon.com/orders-v3/order/${encodeURIComponent(id)}`,
    inbox: 'https://sellercentral.amazon.com/messaging/inbox',
    source:
      "Seller Central order details (Contact Buyer) and Buyer-Seller Messages; the page addresses are the hub's best knowledge of Seller Central, not published",
  },
};

/** Where the seller answers: the order's page in the channel's seller console, or its messages inbox without an order. */
export function buyerMessageReplyUrl(channel: Channel, channelOrderId: string | null): string {
  const pages = BUYER_MESSAGE_REPLY_PAGES[channel];
  const id = channelOrderId?.trim();
  return id ? pages.order(id) : pages.inbox;
}
