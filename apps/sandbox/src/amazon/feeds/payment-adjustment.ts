import type { AccountData, AmazonAdjustment, AmazonItem, AmazonOrder, Feed } from '../../state/types';
import { formatCents, toCents } from '../returns/returns';
import type { MessageResult } from './acknowledgement';
import {
  ADJUSTED_ITEM_SEQUENCE,
  ADJUSTMENT_ACTION_TYPES,
  ADJUSTMENT_COMPONENT_TYPES,
  ADJUSTMENT_REASONS,
  type AdjustmentComponentType,
  BASE_CURRENCY_CODES,
  ORDER_ADJUSTMENT_SEQUENCE,
} from './order-adjustment-xsd';
import { type XmlElement, child, childText, parseXml, sequenceProblem } from './xml';

/**
 * ResultMessageCodes. 5000 is Amazon's code for a message its schema rejects and 18028 for an order it cannot
 * find (both as the acknowledgement feed answers); the other 18xxx numbers are the sandbox's own, each for an
 * error Amazon's help pages describe for the adjustment feed (a refund above what can be refunded, a net amount
 * that is not positive, an invalid AmazonOrderID or order item).
 */
const CODE = {
  schema: 5000,
  orderNotFound: 18028,
  itemNotInOrder: 18030,
  notShipped: 18031,
  abovePaid: 18032,
  netNotPositive: 18033,
  quantity: 18034,
  currency: 18035,
  unsupported: 18036,
} as const;

/** Components whose refund is held to what the buyer was charged for them on this item. */
const CHARGED: Partial<Record<AdjustmentComponentType, (item: AmazonItem) => number>> = {
  Principal: (item) => toCents(item.unitPrice) * item.quantityShipped,
  Tax: (item) => toCents(item.unitTax) * item.quantityShipped,
  // The sandbox's orders charge no shipping, gift wrap, surcharge, COD or export charge: nothing to refund there.
  Shipping: () => 0,
  ShippingTax: () => 0,
  GiftWrap: () => 0,
  GiftWrapTax: () => 0,
  Surcharge: () => 0,
  ExportCharge: () => 0,
  COD: () => 0,
  CODTax: () => 0,
};
/** Charges to the buyer deducted from the refund: written as negative amounts. */
const DEDUCTIONS: readonly AdjustmentComponentType[] = ['RestockingFee', 'RestockingFeeTax'];

type Failure = { code: number; description: string; amazonOrderItemCode?: string };
interface PlannedItem {
  item: AmazonItem;
  adjustment: Omit<AmazonAdjustment, 'feedId' | 'messageId' | 'at'>;
}

function refundedSoFar(item: AmazonItem, type: string, pending: Map<AmazonItem, PlannedItem[]>): number {
  const earlier = [...(item.adjustments ?? []), ...(pending.get(item) ?? []).map((p) => p.adjustment)];
  return earlier.reduce(
    (sum, a) => sum + a.components.filter((c) => c.type === type).reduce((s, c) => s + c.cents, 0),
    0,
  );
}

function quantitySoFar(item: AmazonItem, pending: Map<AmazonItem, PlannedItem[]>): number {
  const earlier = [...(item.adjustments ?? []), ...(pending.get(item) ?? []).map((p) => p.adjustment)];
  return earlier.reduce((sum, a) => sum + (a.quantity ?? 0), 0);
}

/** An xsd BaseCurrencyAmount: a decimal with at most 2 significant fraction digits and 20 digits in all. */
function amountCents(text: string): number | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  if (fraction.length > 2 || m[2].replace(/^0+/, '').length + fraction.length > 20) return null;
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(fraction.padEnd(2, '0')));
}

function planItem(
  order: AmazonOrder,
  node: XmlElement,
  pending: Map<AmazonItem, PlannedItem[]>,
): PlannedItem | Failure {
  const code = childText(node, 'AmazonOrderItemCode');
  const fail = (c: number, description: string): Failure => ({ code: c, description, amazonOrderItemCode: code });
  const structure = sequenceProblem(node, ADJUSTED_ITEM_SEQUENCE, [
    'AmazonOrderItemCode|MerchantOrderItemID',
    'AdjustmentReason',
  ]);
  if (structure) return fail(CODE.schema, structure);
  if (code === undefined)
    return fail(
      CODE.itemNotInOrder,
      `MerchantOrderItemID ${childText(node, 'MerchantOrderItemID') ?? ''} is not mapped to an item of order ${order.orderId}: use AmazonOrderItemCode`,
    );
  if (!/^\d{14}$/.test(code)) return fail(CODE.schema, `AmazonOrderItemCode ${code} must be 14 digits`);
  const reason = childText(node, 'AdjustmentReason') ?? '';
  if (!(ADJUSTMENT_REASONS as readonly string[]).includes(reason))
    return fail(
      CODE.schema,
      `AdjustmentReason ${reason} is not a valid value; it must be one of ${ADJUSTMENT_REASONS.join(', ')}`,
    );
  const item = order.items.find((i) => i.orderItemId === code);
  if (!item) return fail(CODE.itemNotInOrder, `AmazonOrderItemCode ${code} does not belong to order ${order.orderId}`);
  if (
    child(node, 'PromotionAdjustments') ||
    child(node, 'DirectPaymentAdjustments') ||
    child(node, 'QuantityCancelled')
  )
    return fail(
      CODE.unsupported,
      'PromotionAdjustments, DirectPaymentAdjustments and QuantityCancelled do not apply: the item has no promotion, was not paid cash on delivery, and a shipped item cannot be cancelled',
    );
  if (item.quantityShipped === 0)
    return fail(
      CODE.notShipped,
      `Order item ${code} has not shipped, so the buyer has not been charged for it: cancel it with the order acknowledgement feed instead of refunding it`,
    );
  const quantityText = childText(node, 'Quantity');
  let quantity: number | undefined;
  if (quantityText !== undefined) {
    if (!/^\d+$/.test(quantityText) || Number(quantityText) < 1)
      return fail(CODE.schema, `Quantity ${quantityText} must be a positive integer`);
    quantity = Number(quantityText);
    if (quantity + quantitySoFar(item, pending) > item.quantityShipped)
      return fail(
        CODE.quantity,
        `Quantity ${quantity} exceeds the ${item.quantityShipped - quantitySoFar(item, pending)} unit(s) of order item ${code} shipped and not yet refunded`,
      );
  }
  const prices = child(node, 'ItemPriceAdjustments');
  if (!prices || prices.children.length === 0)
    return fail(CODE.schema, 'AdjustedItem must carry ItemPriceAdjustments with at least one Component');
  const components: { type: string; cents: number }[] = [];
  for (const component of prices.children) {
    if (component.name !== 'Component')
      return fail(CODE.schema, `ItemPriceAdjustments has an element ${component.name} its schema does not allow`);
    const type = childText(component, 'Type') ?? '';
    if (!(ADJUSTMENT_COMPONENT_TYPES as readonly string[]).includes(type))
      return fail(
        CODE.schema,
        `Component Type ${type} is not a valid value; it must be one of ${ADJUSTMENT_COMPONENT_TYPES.join(', ')}`,
      );
    const amount = child(component, 'Amount');
    const cents = amount ? amountCents(amount.text) : null;
    if (cents === null)
      return fail(
        CODE.schema,
        `Amount ${amount?.text ?? '(missing)'} of ${type} must be a decimal amount with at most 2 decimal places`,
      );
    const currency = amount?.attributes.currency;
    if (currency !== undefined && !(BASE_CURRENCY_CODES as readonly string[]).includes(currency))
      return fail(
        CODE.schema,
        `currency ${currency} is not a valid value; it must be one of ${BASE_CURRENCY_CODES.join(', ')}`,
      );
    if (currency !== undefined && currency !== 'USD')
      return fail(CODE.currency, `The currency ${currency} does not match the order's currency USD`);
    const deduction = DEDUCTIONS.includes(type as AdjustmentComponentType);
    if (deduction ? cents >= 0 : cents <= 0)
      return fail(
        CODE.schema,
        deduction
          ? `${type} is charged to the buyer and must be a negative amount (was ${amount?.text})`
          : `${type} must be a positive amount refunded to the buyer (was ${amount?.text})`,
      );
    components.push({ type, cents });
  }
  for (const type of new Set(components.map((c) => c.type))) {
    const charged = CHARGED[type as AdjustmentComponentType];
    if (!charged) continue;
    const asked = components.filter((c) => c.type === type).reduce((s, c) => s + c.cents, 0);
    const left = charged(item) - refundedSoFar(item, type, pending);
    if (asked > left)
      return fail(
        CODE.abovePaid,
        `The refund amount you are requesting for ${type} (${formatCents(asked)}) exceeds the amount that can be refunded (${formatCents(Math.max(0, left))}) for order item ${code}`,
      );
  }
  const net = components.reduce((s, c) => s + c.cents, 0);
  if (net <= 0)
    return fail(
      CODE.netNotPositive,
      'The net adjustment amount is not a positive amount and has therefore been rejected.',
    );
  const merchantAdjustmentItemId = childText(node, 'MerchantAdjustmentItemID');
  return {
    item,
    adjustment: {
      reason,
      components,
      ...(quantity !== undefined ? { quantity } : {}),
      ...(merchantAdjustmentItemId ? { merchantAdjustmentItemId } : {}),
    },
  };
}

/**
 * One Message: every AdjustedItem is checked (earlier adjustments and the message's own earlier items included)
 * and the message applies all or nothing, so an error on one item leaves the message's other items unrefunded.
 * Each failing item gets its own Result naming its AmazonOrderItemCode.
 */
function processMessage(data: AccountData, message: XmlElement, feed: Feed, at: number): MessageResult[] {
  const messageId = childText(message, 'MessageID') ?? '';
  const adjustment = child(message, 'OrderAdjustment');
  const amazonOrderId = adjustment ? childText(adjustment, 'AmazonOrderID') : undefined;
  const base = { messageId, ...(amazonOrderId ? { amazonOrderId } : {}) };
  const fail = (f: Failure): MessageResult => ({
    ...base,
    ...(f.amazonOrderItemCode ? { amazonOrderItemCode: f.amazonOrderItemCode } : {}),
    error: { code: f.code, description: f.description },
  });
  if (!/^\d{1,18}$/.test(messageId)) return [fail({ code: CODE.schema, description: 'MessageID must be 1-18 digits' })];
  if (!adjustment) return [fail({ code: CODE.schema, description: 'Message must contain an OrderAdjustment' })];
  const structure = sequenceProblem(adjustment, ORDER_ADJUSTMENT_SEQUENCE, [
    'AmazonOrderID|MerchantOrderID',
    'AdjustedItem',
  ]);
  if (structure) return [fail({ code: CODE.schema, description: structure })];
  if (amazonOrderId === undefined)
    return [
      fail({
        code: CODE.orderNotFound,
        description: `The MerchantOrderID ${childText(adjustment, 'MerchantOrderID') ?? ''} was not found for this merchant: use AmazonOrderID`,
      }),
    ];
  if (!/^\w{3}-\w{7}-\w{7}$/.test(amazonOrderId))
    return [fail({ code: CODE.schema, description: `AmazonOrderID ${amazonOrderId} is malformed (3-7-7)` })];
  const action = childText(adjustment, 'ActionType');
  if (action !== undefined && !(ADJUSTMENT_ACTION_TYPES as readonly string[]).includes(action))
    return [
      fail({
        code: CODE.schema,
        description: `ActionType ${action} is not a valid value; it must be Refund or Cancel`,
      }),
    ];
  if (action === 'Cancel' || child(adjustment, 'CODCollectionMethod'))
    return [
      fail({
        code: CODE.unsupported,
        description: `${action === 'Cancel' ? 'ActionType Cancel' : 'CODCollectionMethod'} is not simulated by the sandbox: send ActionType Refund`,
      }),
    ];
  const order = data.amazonOrders.get(amazonOrderId);
  if (!order)
    return [
      fail({ code: CODE.orderNotFound, description: `The order id ${amazonOrderId} was not found for this merchant` }),
    ];
  const pending = new Map<AmazonItem, PlannedItem[]>();
  const failures: MessageResult[] = [];
  for (const node of adjustment.children.filter((c) => c.name === 'AdjustedItem')) {
    const planned = planItem(order, node, pending);
    if ('code' in planned) failures.push(fail(planned));
    else pending.set(planned.item, [...(pending.get(planned.item) ?? []), planned]);
  }
  if (failures.length > 0) return failures;
  if (!feed.silentlyDropped) {
    for (const [item, plans] of pending)
      item.adjustments = [
        ...(item.adjustments ?? []),
        ...plans.map((p) => ({ feedId: feed.feedId, messageId, at, ...p.adjustment })),
      ];
  }
  return [base];
}

/** The messages of an `OrderAdjustment` envelope, or null when the document is not one (the feed ends FATAL). */
export function adjustmentMessages(xml: string): { merchant?: string; messages: XmlElement[] } | null {
  const root = parseXml(xml);
  if (!root || root.name !== 'AmazonEnvelope' || childText(root, 'MessageType') !== 'OrderAdjustment') return null;
  const header = child(root, 'Header');
  return {
    merchant: header ? childText(header, 'MerchantIdentifier') : undefined,
    messages: root.children.filter((c) => c.name === 'Message'),
  };
}

/** Processes a POST_PAYMENT_ADJUSTMENT_DATA document; null when the feed must end FATAL. */
export function processAdjustmentFeed(
  data: AccountData,
  feed: Feed,
  xml: string,
  at: number,
  wrongMerchant: (messageId: string, found: string | undefined) => MessageResult,
): MessageResult[] | null {
  const parsed = adjustmentMessages(xml);
  if (!parsed) return null;
  const sellerId = data.account.amazon?.sellerId ?? '';
  return parsed.messages.flatMap((m) =>
    parsed.merchant !== sellerId
      ? [wrongMerchant(childText(m, 'MessageID') ?? '', parsed.merchant)]
      : processMessage(data, m, feed, at),
  );
}
