import type { RefundComponentType, RefundPayload } from '@order-hub/types';
import { escapeXml } from './amazon-write-requests';

export const PAYMENT_ADJUSTMENT_FEED_TYPE = 'POST_PAYMENT_ADJUSTMENT_DATA';

/** ItemPriceAdjustments Component Type (OrderAdjustment.xsd AdjustmentBuyerPrice) for each part of a refund. */
const COMPONENT_TYPES: Record<RefundComponentType, string> = {
  ITEM: 'Principal',
  ITEM_TAX: 'Tax',
  SHIPPING: 'Shipping',
  SHIPPING_TAX: 'ShippingTax',
};

/** BaseCurrencyAmount: a positive decimal with exactly two fraction digits. */
const amount = (cents: number) => (Math.abs(cents) / 100).toFixed(2);

/**
 * The seller's own id for one adjusted item (StringNotNull, 1-50 characters). It comes from the payload alone — the
 * order item and the refunds it totals once applied — so a retry of the same outbox row sends the same id, and a
 * second refund of the item gets another.
 */
export function merchantAdjustmentItemId(line: RefundPayload['lines'][number]): string {
  return `${line.lineNumber}-${line.refundedAfterCents}`.slice(0, 50);
}

/**
 * `POST_PAYMENT_ADJUSTMENT_DATA`: one OrderAdjustment message refunding the payload's items, elements in the XSD's
 * order (AmazonOrderID, ActionType, AdjustedItem{AmazonOrderItemCode, MerchantAdjustmentItemID, AdjustmentReason,
 * ItemPriceAdjustments{Component{Type, Amount currency}}, Quantity}). Amounts are what the buyer gets back, positive.
 * A line without components refunds its whole amount as Principal. Pure.
 */
export function amazonPaymentAdjustmentFeed(p: RefundPayload, sellerId: string, currency = 'USD'): string {
  const items = p.lines
    .map((l) => {
      const components = l.components?.length ? l.components : [{ type: 'ITEM' as const, amountCents: l.amountCents }];
      const priced = components
        .map(
          (c) =>
            `<Component><Type>${COMPONENT_TYPES[c.type]}</Type><Amount currency="${currency}">${amount(c.amountCents)}</Amount></Component>`,
        )
        .join('');
      return (
        `<AdjustedItem><AmazonOrderItemCode>${escapeXml(l.lineNumber)}</AmazonOrderItemCode>` +
        `<MerchantAdjustmentItemID>${escapeXml(merchantAdjustmentItemId(l))}</MerchantAdjustmentItemID>` +
        `<AdjustmentReason>${escapeXml(l.reason)}</AdjustmentReason>` +
        `<ItemPriceAdjustments>${priced}</ItemPriceAdjustments>` +
        (l.quantity ? `<Quantity>${l.quantity}</Quantity>` : '') +
        '</AdjustedItem>'
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">' +
    `<Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>${escapeXml(sellerId)}</MerchantIdentifier></Header>` +
    '<MessageType>OrderAdjustment</MessageType>' +
    `<Message><MessageID>1</MessageID><OrderAdjustment><AmazonOrderID>${escapeXml(p.channelOrderId)}</AmazonOrderID>` +
    `<ActionType>Refund</ActionType>${items}</OrderAdjustment></Message></AmazonEnvelope>\n`
  );
}

export interface ProcessingResult {
  messageId: string;
  code: 'Error' | 'Warning';
  messageCode: string | null;
  description: string;
  orderId: string | null;
  orderItemCode: string | null;
}

const tag = (xml: string, name: string) => {
  const v = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
  return v === undefined
    ? null
    : v
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
};

/** The Results of a feed processing report (ProcessingReport.xsd): per message, Error or Warning in Amazon's words. */
export function processingResults(xml: string): ProcessingResult[] {
  return [...xml.matchAll(/<Result>([\s\S]*?)<\/Result>/g)].map(([, r]) => ({
    messageId: tag(r, 'MessageID') ?? '',
    code: tag(r, 'ResultCode') === 'Warning' ? 'Warning' : 'Error',
    messageCode: tag(r, 'ResultMessageCode'),
    description: tag(r, 'ResultDescription') ?? 'error',
    orderId: tag(r, 'AmazonOrderID'),
    orderItemCode: tag(r, 'AmazonOrderItemCode'),
  }));
}

/**
 * Amazon's Orders API shows no refunds, so the adjustment feed's processing report is the only proof a refund was
 * applied: an Error result rejects the refund, naming the item it concerns (AdditionalInfo AmazonOrderItemCode) or
 * the message; warnings do not stop it. Empty when every item was taken. Pure.
 */
export function adjustmentErrors(xml: string): string[] {
  const statusCode = /<ProcessingReport>[\s\S]*?<StatusCode>([^<]*)<\/StatusCode>/.exec(xml)?.[1];
  const errors = processingResults(xml)
    .filter((r) => r.code === 'Error')
    .map((r) => {
      const where = r.orderItemCode ? `item ${r.orderItemCode}` : `message ${r.messageId}`;
      return `${where}: ${r.messageCode ? `${r.messageCode} ` : ''}${r.description}`;
    });
  if (!errors.length && statusCode === 'Rejected') return ['Amazon rejected the whole adjustment feed'];
  return errors;
}
