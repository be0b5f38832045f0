import type { RefundInput, Violation } from '@order-hub/types';
import { resolveLines } from '../lines/requested-lines';
import type { ChannelPolicy } from '../policy/policy-table';
import { violation } from '../violations/catalogue';

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/**
 * Every rule a refund breaks: only shipped lines, never more than the line's charge (earlier refunds
 * included), reasons the channel accepts, and the lines-per-request limit (the caller chunks).
 */
export function validateRefund(input: RefundInput, context: { policy: ChannelPolicy }): Violation[] {
  const violations: Violation[] = [];
  const { policy } = context;
  const lines = resolveLines(input.lines, input.order, violations, policy.maxLinesPerRequest);
  lines.forEach((line, i) => {
    const requested = input.lines[i];
    if (line && line.quantityShipped === 0) {
      violations.push(
        violation(
          'REFUND_LINE_NOT_SHIPPED',
          `lines[${i}].lineNumber`,
          `Line ${line.lineNumber} has not shipped; cancel it instead of refunding.`,
        ),
      );
    }
    const amount = requested.amountCents;
    if (!Number.isInteger(amount) || amount <= 0) {
      violations.push(
        violation(
          'REFUND_AMOUNT_INVALID',
          `lines[${i}].amountCents`,
          'The refund must be a whole number of cents above zero.',
        ),
      );
    } else if (line) {
      const already = line.refundedCents ?? 0;
      if (line.chargeCents === undefined) {
        violations.push(
          violation(
            'REFUND_ABOVE_CHARGE',
            `lines[${i}].amountCents`,
            `The charge of line ${line.lineNumber} is not known, so the refund cannot be checked against it.`,
          ),
        );
      } else if (already + amount > line.chargeCents) {
        const left = Math.max(0, line.chargeCents - already);
        violations.push(
          violation(
            'REFUND_ABOVE_CHARGE',
            `lines[${i}].amountCents`,
            `Line ${line.lineNumber} can be refunded at most ${dollars(left)} more.`,
            {
              chargeCents: line.chargeCents,
              refundedCents: already,
              maxCents: left,
            },
          ),
        );
      }
    }
    const reason = requested.reason?.trim() ?? '';
    if (!reason) {
      violations.push(violation('REFUND_REASON_REQUIRED', `lines[${i}].reason`, 'Choose a refund reason.'));
    } else if (policy.refundReasons && !policy.refundReasons.includes(reason)) {
      violations.push(
        violation('REFUND_REASON_UNKNOWN', `lines[${i}].reason`, `${input.channel} has no refund reason ${reason}.`, {
          allowed: policy.refundReasons,
        }),
      );
    }
  });
  const full = new Set(input.lines.map((l) => Boolean(l.isFullRefund)));
  if (input.channel === 'WALMART' && full.size > 1) {
    violations.push(
      violation('REFUND_MIXED_FULL_PARTIAL', 'lines', 'Send full and partial refunds as separate requests.'),
    );
  }
  return violations;
}
