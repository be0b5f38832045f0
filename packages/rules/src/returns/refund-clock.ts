import type { RefundClockState, RefundedBy, ReturnStatus } from '@order-hub/types';
import { channelLabel } from '../channels/channel-profile';
import type { ChannelPolicy } from '../policy/policy-table';

const HOUR_MS = 3_600_000;

export interface RefundClock {
  state: RefundClockState;
  /** When the refund is due (receipt + the policy's hours); null before receipt or without a clock. */
  dueAt: Date | null;
  /** Time left (negative when overdue); null when no clock runs. */
  msLeft: number | null;
  /** In words: "Refund due in 5 h", "Refund overdue by 3 h", "Walmart refunded it itself", "Refunded". */
  label: string;
}

/** "5 h", "1 d 3 h", "45 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} d ${rest} h` : `${days} d`;
}

/**
 * Where a return stands against the channel's refund clock (Walmart: refund within 48 h of receipt, or Walmart refunds
 * on the seller's behalf and it counts against the seller). Pure: the caller passes the policy in force at receipt.
 */
export function refundClock(
  policy: ChannelPolicy,
  r: { status: ReturnStatus; receivedAt: Date | null; refundedAt: Date | null; refundedBy: RefundedBy | null },
  now: Date,
): RefundClock {
  const rule = policy.returnRefund;
  const channel = channelLabel(policy.channel);
  if (r.status === 'REFUNDED' || r.refundedBy === 'CHANNEL') {
    if (r.refundedBy === 'CHANNEL') {
      return {
        state: 'SETTLED',
        dueAt: rule && r.receivedAt ? new Date(r.receivedAt.getTime() + rule.refundWithinHours * HOUR_MS) : null,
        msLeft: null,
        label: `${channel} refunded it itself`,
      };
    }
    return { state: 'SETTLED', dueAt: null, msLeft: null, label: 'Refunded' };
  }
  if (r.status === 'CLOSED') return { state: 'SETTLED', dueAt: null, msLeft: null, label: 'Closed without a refund' };
  if (!r.receivedAt) return { state: 'NOT_STARTED', dueAt: null, msLeft: null, label: 'Not received yet' };
  if (!rule) return { state: 'NOT_STARTED', dueAt: null, msLeft: null, label: 'Received: refund when checked' };
  const dueAt = new Date(r.receivedAt.getTime() + rule.refundWithinHours * HOUR_MS);
  const msLeft = dueAt.getTime() - now.getTime();
  if (msLeft <= 0) {
    const after = rule.channelRefundsItself ? ` (${channel} refunds it itself)` : '';
    return { state: 'OVERDUE', dueAt, msLeft, label: `Refund overdue by ${formatDuration(-msLeft)}${after}` };
  }
  const state = msLeft <= rule.warnHoursLeft * HOUR_MS ? 'DUE_SOON' : 'OPEN';
  return { state, dueAt, msLeft, label: `Refund due in ${formatDuration(msLeft)}` };
}
