import {
  AMAZON_CANCELLATION_REASONS,
  validateCancellation,
  WALMART_BUYER_REQUEST_CANCELLATION_REASONS,
  WALMART_CANCELLATION_REASONS,
  WALMART_REFUND_REASONS,
} from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import type { OrderDetail } from '../../orders/api/orders.graphql';
import { orderSnapshot } from './order-snapshot';
import { policyOf } from './shipment-form';
import type { ViolationLike } from './violation-fields';

/** Whether the buyer asked to cancel the order or any of its lines. */
export function buyerRequestedCancel(order: {
  cancellationRequested: boolean;
  lines: readonly { cancellationRequested: boolean }[];
}): boolean {
  return order.cancellationRequested || order.lines.some((line) => line.cancellationRequested);
}

/** Walmart lines the buyer asked to cancel: shipping them needs intentToCancelOverride. */
export function walmartLinesToCancel<TLine extends { cancellationRequested: boolean }>(order: {
  channel: Channel;
  lines: readonly TLine[];
}): TLine[] {
  return order.channel === 'WALMART' ? order.lines.filter((line) => line.cancellationRequested) : [];
}

/** The channel's current cancellation reasons; the buyer-request reason only when the buyer asked to cancel. */
export function cancellationReasons(channel: Channel, buyerRequested: boolean): string[] {
  const reasons: readonly string[] = channel === 'WALMART' ? WALMART_CANCELLATION_REASONS : AMAZON_CANCELLATION_REASONS;
  const buyerOnly: readonly string[] = WALMART_BUYER_REQUEST_CANCELLATION_REASONS;
  return reasons.filter((reason) => buyerRequested || !buyerOnly.includes(reason));
}

export const REFUND_REASONS: readonly string[] = WALMART_REFUND_REASONS;

/** "12.34" → 1234; "12" → 1200; anything else (more than two decimals, negative, text) → NaN. */
export function dollarsToCents(text: string): number {
  const match = /^\s*\$?\s*(\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return Number.NaN;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Lines with a quantity other than 0, in the order's order. */
export function chosenQuantities(quantities: Record<string, string>): { lineNumber: string; quantity: number }[] {
  return Object.entries(quantities)
    .filter(([, q]) => q.trim() !== '' && Number(q) !== 0)
    .map(([lineNumber, q]) => ({ lineNumber, quantity: Number(q) }));
}

/** What the rules say about cancelling these quantities for this reason, in the browser. */
/** Whether the channel cancels an item's open units all together (Amazon), from its policy in force. */
export function cancelsWholeItems(order: OrderDetail, now: Date): boolean {
  return policyOf(order.channel, order.account.marketplace, now)?.cancelsWholeItemsOnly ?? false;
}

export function liveCancellationViolations(
  order: OrderDetail,
  quantities: Record<string, string>,
  reason: string,
  now: Date,
): ViolationLike[] {
  const policy = policyOf(order.channel, order.account.marketplace, now);
  if (!policy) return [];
  const lines = chosenQuantities(quantities).map((line) => ({ ...line, reason }));
  return validateCancellation({ channel: order.channel, order: orderSnapshot(order), lines }, { policy });
}
