import type { AmazonOrder } from '../../state/types';

/** Cancel reasons of the OrderAcknowledgement feed. */
const CANCEL_REASONS = [
  'NoInventory',
  'ShippingAddressUndeliverable',
  'CustomerExchange',
  'BuyerCanceled',
  'GeneralAdjustment',
  'CarrierCreditDecision',
  'RiskAssessmentInformationNotValid',
  'CarrierCoverageFailure',
  'CustomerReturn',
  'MerchandiseNotReceived',
];

export interface AckMessage {
  messageId: string;
  amazonOrderId?: string;
  statusCode?: string;
  orderCancelReason?: string;
  items: { amazonOrderItemCode?: string; cancelReason?: string }[];
}

export interface MessageResult {
  messageId: string;
  amazonOrderId?: string;
  /** The item an error is about, when it is about one (order adjustments report per item). */
  amazonOrderItemCode?: string;
  error?: { code: number; description: string };
}

function tag(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(xml);
  return match?.[1];
}

function blocks(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1]);
}

/** The header's MerchantIdentifier: the seller's merchant token, which Amazon checks against the feed's seller. */
export function feedMerchantIdentifier(xml: string): string | undefined {
  return tag(blocks(xml, 'Header')[0] ?? '', 'MerchantIdentifier');
}

/**
 * Amazon's answer to a header naming another merchant (Seller Central help 23071); the result code is the one
 * sellers report for it (5005).
 */
export function wrongMerchant(
  message: { messageId: string; amazonOrderId?: string },
  found: string | undefined,
): MessageResult {
  return {
    messageId: message.messageId,
    amazonOrderId: message.amazonOrderId,
    error: {
      code: 5005,
      description: `The MerchantIdentifier provided in the XML payload (${found ?? 'missing'}) is not valid for your credentials: use your merchant token, not a marketplace id`,
    },
  };
}

/** Reads an `OrderAcknowledgement` envelope; returns null when the document is not one (the feed then ends FATAL). */
export function parseAcknowledgementFeed(xml: string): AckMessage[] | null {
  if (!/<AmazonEnvelope[\s>]/.test(xml) || tag(xml, 'MessageType') !== 'OrderAcknowledgement') return null;
  return blocks(xml, 'Message').map((message) => {
    const ack = blocks(message, 'OrderAcknowledgement')[0] ?? '';
    const withoutItems = ack.replace(/<Item>[\s\S]*?<\/Item>/g, '');
    return {
      messageId: tag(message, 'MessageID') ?? '',
      amazonOrderId: tag(ack, 'AmazonOrderID'),
      statusCode: tag(ack, 'StatusCode'),
      orderCancelReason: tag(withoutItems, 'CancelReason'),
      items: blocks(ack, 'Item').map((item) => ({
        amazonOrderItemCode: tag(item, 'AmazonOrderItemCode'),
        cancelReason: tag(item, 'CancelReason'),
      })),
    };
  });
}

/**
 * Applies one message to its order: `Failure` cancels the listed items (or every unshipped item), `Success`
 * acknowledges and changes nothing. Shipped units are never cancelled.
 */
export function applyAckMessage(order: AmazonOrder | undefined, message: AckMessage, now: number): MessageResult {
  const result: MessageResult = { messageId: message.messageId, amazonOrderId: message.amazonOrderId };
  const fail = (code: number, description: string): MessageResult => ({ ...result, error: { code, description } });
  if (!/^\d{1,18}$/.test(message.messageId)) return fail(5000, 'MessageID must be 1-18 digits');
  if (!message.amazonOrderId || !/^\w{3}-\w{7}-\w{7}$/.test(message.amazonOrderId))
    return fail(5000, 'AmazonOrderID is missing or malformed');
  if (!order) return fail(18028, `The order id ${message.amazonOrderId} was not found for this merchant`);
  if (message.statusCode !== 'Success' && message.statusCode !== 'Failure')
    return fail(5000, 'StatusCode must be Success or Failure');
  if (message.statusCode === 'Success') return result;
  if (order.fulfilledBy !== 'MERCHANT')
    return fail(18024, `Order ${order.orderId} is fulfilled by Amazon and cannot be cancelled by the merchant`);
  const targets =
    message.items.length > 0
      ? message.items
      : order.items.map((i) => ({ amazonOrderItemCode: i.orderItemId, cancelReason: message.orderCancelReason }));
  const plan: { item: AmazonOrder['items'][number]; reason: string }[] = [];
  for (const t of targets) {
    const item = order.items.find((i) => i.orderItemId === t.amazonOrderItemCode);
    if (!item)
      return fail(
        18030,
        `AmazonOrderItemCode ${t.amazonOrderItemCode ?? ''} does not belong to order ${order.orderId}`,
      );
    const reason = t.cancelReason ?? message.orderCancelReason;
    if (!reason || !CANCEL_REASONS.includes(reason))
      return fail(5000, `CancelReason ${reason ?? '(missing)'} is not valid; use one of ${CANCEL_REASONS.join(', ')}`);
    if (item.quantity - item.quantityShipped - item.quantityCancelled <= 0)
      return fail(18025, `Item ${item.orderItemId} of order ${order.orderId} is already shipped or cancelled`);
    plan.push({ item, reason });
  }
  for (const { item, reason } of plan) {
    item.quantityCancelled = item.quantity - item.quantityShipped;
    item.cancelledBy = reason === 'BuyerCanceled' ? 'BUYER' : 'SELLER';
    item.cancelReason = reason;
  }
  if (order.items.every((i) => i.quantityShipped === 0 && i.quantityCancelled === i.quantity)) order.cancelled = true;
  order.lastUpdatedTime = now;
  return result;
}

/**
 * The ProcessingReport.xsd envelope: one Result per error (a message may have several, one per item), and the
 * summary counting messages, so a message with two failing items counts once.
 */
export function processingReport(feedId: string, sellerId: string, results: MessageResult[]): string {
  const errors = results.filter((r) => r.error);
  const processed = new Set(results.map((r) => r.messageId)).size;
  const withError = new Set(errors.map((r) => r.messageId)).size;
  const resultXml = errors
    .map(
      (r) =>
        `<Result><MessageID>${r.messageId}</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>${r.error?.code}</ResultMessageCode>` +
        `<ResultDescription>${escapeXml(r.error?.description ?? '')}</ResultDescription>` +
        (r.amazonOrderId || r.amazonOrderItemCode
          ? '<AdditionalInfo>' +
            (r.amazonOrderId ? `<AmazonOrderID>${escapeXml(r.amazonOrderId)}</AmazonOrderID>` : '') +
            (r.amazonOrderItemCode
              ? `<AmazonOrderItemCode>${escapeXml(r.amazonOrderItemCode)}</AmazonOrderItemCode>`
              : '') +
            '</AdditionalInfo>'
          : '') +
        '</Result>',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">' +
    `<Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>${escapeXml(sellerId)}</MerchantIdentifier></Header>` +
    '<MessageType>ProcessingReport</MessageType><Message><MessageID>1</MessageID><ProcessingReport>' +
    `<DocumentTransactionID>${feedId}</DocumentTransactionID><StatusCode>Complete</StatusCode><ProcessingSummary>` +
    `<MessagesProcessed>${processed}</MessagesProcessed><MessagesSuccessful>${processed - withError}</MessagesSuccessful>` +
    `<MessagesWithError>${withError}</MessagesWithError><MessagesWithWarning>0</MessagesWithWarning></ProcessingSummary>` +
    `${resultXml}</ProcessingReport></Message></AmazonEnvelope>\n`
  );
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
