import { channelLabel } from '../channels/channel-profile';
import type { CancellationInput, Violation } from '@order-hub/types';
import { checkQuantity, openQuantity, resolveLines } from '../lines/requested-lines';
import type { ChannelPolicy } from '../policy/policy-table';
import { violation } from '../violations/catalogue';

/**
 * Every rule a cancellation breaks: reasons the channel accepts today (retired ones named as such, buyer-request
 * reasons only on lines the buyer asked to cancel), shipped lines, quantities left (all of them where the channel
 * cancels whole items), and the channel's lines-per-request limit (the caller chunks).
 */
export function validateCancellation(input: CancellationInput, context: { policy: ChannelPolicy }): Violation[] {
  const violations: Violation[] = [];
  const { policy } = context;
  const channel = channelLabel(input.channel);
  const reasons = policy.cancellationReasons;
  const lines = resolveLines(input.lines, input.order, violations, policy.maxLinesPerRequest);
  lines.forEach((line, i) => {
    const requested = input.lines[i];
    if (line) {
      const open = openQuantity(line);
      if (open === 0 && line.quantityShipped > 0) {
        violations.push(
          violation(
            'CANCEL_LINE_SHIPPED',
            `lines[${i}].lineNumber`,
            `Line ${line.lineNumber} has shipped; refund it instead of cancelling.`,
          ),
        );
      } else {
        checkQuantity(requested.quantity, open, line.lineNumber, `lines[${i}].quantity`, violations);
        if (
          policy.cancelsWholeItemsOnly &&
          Number.isInteger(requested.quantity) &&
          requested.quantity >= 1 &&
          requested.quantity < open
        ) {
          violations.push(
            violation(
              'CANCEL_PARTIAL_ITEM',
              `lines[${i}].quantity`,
              `${channel} cancels whole items: cancel all ${open} open unit(s) of item ${line.lineNumber}, or none.`,
              {
                open,
                requested: requested.quantity,
              },
            ),
          );
        }
      }
    }
    const reason = requested.reason?.trim() ?? '';
    const field = `lines[${i}].reason`;
    if (!reason) {
      violations.push(violation('CANCEL_REASON_REQUIRED', field, 'Choose a cancellation reason.'));
    } else if (reasons.retired.some((r) => r.reason === reason)) {
      violations.push(
        violation(
          'CANCEL_REASON_RETIRED',
          field,
          `${channel} no longer accepts the reason "${reason}"; use one of ${reasons.current.join(', ')}.`,
          {
            allowed: reasons.current,
          },
        ),
      );
    } else if (!reasons.current.includes(reason)) {
      violations.push(
        violation('CANCEL_REASON_UNKNOWN', field, `${channel} has no cancellation reason ${reason}.`, {
          allowed: reasons.current,
        }),
      );
    } else if (line && reasons.buyerRequestOnly.includes(reason) && line.cancellationRequested !== true) {
      violations.push(
        violation(
          'CANCEL_REASON_REQUIRES_BUYER_REQUEST',
          field,
          `The buyer did not ask to cancel line ${line.lineNumber}; ${reason} is only for lines the buyer asked to cancel. Choose the seller's reason.`,
          { allowed: reasons.current.filter((r) => !reasons.buyerRequestOnly.includes(r)) },
        ),
      );
    }
  });
  return violations;
}
