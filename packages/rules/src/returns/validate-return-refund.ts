import type { Channel, ReturnStatus, Violation } from '@order-hub/types';
import { channelProfile } from '../channels/channel-profile';
import type { ChannelPolicy } from '../policy/policy-table';
import { violation } from '../violations/catalogue';

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

export interface ReturnRefundInput {
  channel: Channel;
  returnStatus: ReturnStatus;
  lines: {
    returnLineNumber: string;
    quantity: number;
    quantityRefunded: number;
    /** Units of refunds the hub has sent (or queued) that the channel does not show yet. */
    quantityInFlight: number;
    unitPriceCents: number | null;
    unitTaxCents: number | null;
    /** What the buyer paid for the line's returned units, when known (price and tax); null when unknown. */
    paidCents: number | null;
    /** Cents already refunded or in flight on the line (amount-refund channels). */
    refundedCents?: number | null;
    /** The line's units are back with the seller; absent = not known to be missing. */
    received?: boolean;
  }[];
  requested: { returnLineNumber: string; quantity: number; amountCents?: number | null }[];
  reason?: string | null;
}

/** Why a return cannot be refunded from the console now (in words), or null when it can. */
export function returnRefundUnavailableReason(
  channel: Channel,
  r: {
    status: ReturnStatus;
    lines: readonly { quantityRefundable: number; receivedAt?: string | Date | null }[];
  },
): string | null {
  if (r.status === 'CLOSED') return 'Closed without a refund.';
  const open = r.lines.filter((l) => l.quantityRefundable > 0);
  if (open.length === 0) return r.status === 'REFUNDED' ? 'Refunded.' : 'Every unit is refunded or on its way.';
  if (channelProfile(channel).returns.refundAfterReceipt && !open.some((l) => l.receivedAt))
    return `${channelProfile(channel).label} refunds a return once it is received.`;
  return null;
}

/**
 * Every rule a return refund breaks, before anything is sent: only lines of this return, whole positive quantities, never
 * more units than came back and are not refunded yet (refunds in flight included, so the same refund twice is refused),
 * never more money than was paid, a reason the channel takes. Fields are relative to the input (`lines[0].quantity`).
 */
export function validateReturnRefund(input: ReturnRefundInput, context: { policy: ChannelPolicy }): Violation[] {
  const violations: Violation[] = [];
  const byAmount = channelProfile(input.channel).returns.refundThrough === 'ORDER_REFUND';
  if (input.returnStatus === 'CLOSED')
    violations.push(violation('RETURN_REFUND_CLOSED', 'returnId', 'This return was closed without a refund.'));
  if (input.requested.length === 0)
    violations.push(violation('RETURN_REFUND_LINE_NOT_RETURNED', 'lines', 'Choose at least one returned line.'));
  const seen = new Set<string>();
  input.requested.forEach((req, i) => {
    const line = input.lines.find((l) => l.returnLineNumber === req.returnLineNumber);
    if (!line) {
      violations.push(
        violation(
          'RETURN_REFUND_LINE_NOT_RETURNED',
          `lines[${i}].returnLineNumber`,
          `Line ${req.returnLineNumber} is not part of this return.`,
        ),
      );
      return;
    }
    if (seen.has(req.returnLineNumber)) {
      violations.push(
        violation(
          'RETURN_REFUND_LINE_NOT_RETURNED',
          `lines[${i}].returnLineNumber`,
          `Line ${req.returnLineNumber} is named twice; give its quantity once.`,
        ),
      );
      return;
    }
    seen.add(req.returnLineNumber);
    if (line.received === false && channelProfile(input.channel).returns.refundAfterReceipt) {
      violations.push(
        violation(
          'RETURN_REFUND_NOT_RECEIVED',
          `lines[${i}].returnLineNumber`,
          `Line ${line.returnLineNumber} is not back yet: ${channelProfile(input.channel).label} refunds a return once it is received.`,
        ),
      );
      return;
    }
    if (!Number.isInteger(req.quantity) || req.quantity <= 0) {
      violations.push(
        violation(
          'RETURN_REFUND_QUANTITY_INVALID',
          `lines[${i}].quantity`,
          'Refund a whole number of units above zero.',
        ),
      );
      return;
    }
    const open = line.quantity - line.quantityRefunded - line.quantityInFlight;
    if (open <= 0) {
      const inFlight = line.quantityInFlight > 0 ? ' (a refund for it is on its way)' : '';
      violations.push(
        violation(
          'RETURN_REFUND_ALREADY_REFUNDED',
          `lines[${i}].quantity`,
          `Every returned unit of line ${line.returnLineNumber} is already refunded${inFlight}.`,
          { quantity: line.quantity, refunded: line.quantityRefunded, inFlight: line.quantityInFlight },
        ),
      );
      return;
    }
    if (req.quantity > open) {
      violations.push(
        violation(
          'RETURN_REFUND_ABOVE_RETURNED',
          `lines[${i}].quantity`,
          `Line ${line.returnLineNumber} has ${open} returned unit(s) left to refund.`,
          { maxQuantity: open },
        ),
      );
      return;
    }
    if (req.amountCents === undefined || req.amountCents === null) return;
    if (!byAmount) {
      violations.push(
        violation(
          'RETURN_REFUND_AMOUNT_NOT_TAKEN',
          `lines[${i}].amountCents`,
          `${channelProfile(input.channel).label} refunds a return by units; it sets the amount itself.`,
        ),
      );
      return;
    }
    if (!Number.isInteger(req.amountCents) || req.amountCents <= 0) {
      violations.push(
        violation(
          'REFUND_AMOUNT_INVALID',
          `lines[${i}].amountCents`,
          'The refund must be a whole number of cents above zero.',
        ),
      );
      return;
    }
    const perUnit = line.unitPriceCents === null ? null : line.unitPriceCents + (line.unitTaxCents ?? 0);
    const paidForUnits = perUnit === null ? line.paidCents : perUnit * req.quantity;
    if (paidForUnits === null) {
      violations.push(
        violation(
          'RETURN_REFUND_ABOVE_PAID',
          `lines[${i}].amountCents`,
          `What the buyer paid for line ${line.returnLineNumber} is not known, so the refund cannot be checked against it.`,
        ),
      );
      return;
    }
    const left =
      line.paidCents === null ? paidForUnits : Math.min(paidForUnits, line.paidCents - (line.refundedCents ?? 0));
    if (req.amountCents > left) {
      violations.push(
        violation(
          'RETURN_REFUND_ABOVE_PAID',
          `lines[${i}].amountCents`,
          `Line ${line.returnLineNumber} can be refunded at most ${dollars(Math.max(0, left))} for ${req.quantity} unit(s).`,
          { maxCents: Math.max(0, left) },
        ),
      );
    }
  });
  const reason = input.reason?.trim() ?? '';
  if (reason) {
    if (!byAmount) {
      violations.push(
        violation(
          'RETURN_REFUND_REASON_NOT_TAKEN',
          'reason',
          `${channelProfile(input.channel).label}'s return refund takes no reason; it is not sent.`,
        ),
      );
    } else if (context.policy.refundReasons && !context.policy.refundReasons.includes(reason)) {
      violations.push(
        violation(
          'REFUND_REASON_UNKNOWN',
          'reason',
          `${channelProfile(input.channel).label} has no refund reason ${reason}.`,
          {
            allowed: context.policy.refundReasons,
          },
        ),
      );
    }
  }
  return violations;
}
