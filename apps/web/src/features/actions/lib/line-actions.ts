import { channelProfile, validateCancellation, validateRefund } from '@order-hub/rules';
import type { Channel, RefundLineInput } from '@order-hub/types';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
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

/** The channel's policy in force, for an account in its default marketplace when the order's is not known. */
function policyNow(channel: Channel, now: Date, marketplace = channelProfile(channel).defaultMarketplace) {
  return policyOf(channel, marketplace, now);
}

/** The channel's current cancellation reasons; the buyer-request ones only when the buyer asked to cancel. */
export function cancellationReasons(channel: Channel, buyerRequested: boolean, now = new Date()): string[] {
  const reasons = policyNow(channel, now)?.cancellationReasons;
  if (!reasons) return [];
  return reasons.current.filter((reason) => buyerRequested || !reasons.buyerRequestOnly.includes(reason));
}

/** The reason codes the channel takes on a refund (none where it takes free text or no refunds from the hub). */
export function refundReasons(channel: Channel, now = new Date()): readonly string[] {
  return policyNow(channel, now)?.refundReasons ?? [];
}

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

/** Units and their price (before tax and shipping) of the chosen lines, for the confirmation before sending. */
export function chosenTotals(
  order: Pick<OrderDetail, 'lines'>,
  chosen: readonly { lineNumber: string; quantity: number }[],
): { lines: number; units: number; cents: number; currency: string } {
  let units = 0;
  let cents = 0;
  for (const { lineNumber, quantity } of chosen) {
    const line = order.lines.find((l) => l.lineNumber === lineNumber);
    if (!line || !(quantity > 0)) continue;
    units += quantity;
    cents += quantity * line.unitPrice.amountCents;
  }
  return { lines: chosen.length, units, cents, currency: order.lines[0]?.unitPrice.currency ?? 'USD' };
}

/** Whether the channel cancels an item's open units all together (Amazon), from its policy in force. */
export function cancelsWholeItems(order: OrderDetail, now: Date): boolean {
  return policyOf(order.channel, order.account.marketplace, now)?.cancelsWholeItemsOnly ?? false;
}

/** What the rules say about cancelling these quantities for this reason, in the browser. */
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

/** What the rules say about refunding these amounts (above the line's charge, not shipped), in the browser. */
export function liveRefundViolations(
  order: OrderDetail,
  lines: readonly RefundLineInput[],
  now: Date,
): ViolationLike[] {
  const policy = policyOf(order.channel, order.account.marketplace, now);
  if (!policy || lines.length === 0) return [];
  return validateRefund({ channel: order.channel, order: orderSnapshot(order), lines: [...lines] }, { policy });
}
