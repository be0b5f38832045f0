import { channelLabel } from '@order-hub/rules';
import type { Channel, RefundClockState, RefundedBy } from '@order-hub/types';

/** The colour a refund clock reads in: red overdue, amber with 12 h or less left, plain otherwise. */
export function clockTone(state: RefundClockState): 'bad' | 'warn' | 'ok' | 'muted' {
  if (state === 'OVERDUE') return 'bad';
  if (state === 'DUE_SOON') return 'warn';
  if (state === 'OPEN') return 'ok';
  return 'muted';
}

/** "Refunded by you" / "Refunded by Walmart itself"; null when nobody has refunded yet. */
export function refundedByLabel(channel: Channel, refundedBy: RefundedBy | null | undefined): string | null {
  if (!refundedBy) return null;
  return refundedBy === 'CHANNEL' ? `Refunded by ${channelLabel(channel)} itself` : 'Refunded by you';
}

/** The distinct reasons of a return's lines in words, "Damaged; No longer wanted". */
export function reasonsOf(lines: readonly { reasonLabel: string }[]): string {
  return [...new Set(lines.map((line) => line.reasonLabel))].join('; ') || 'No reason given';
}

/** Units returned over the lines, "3 units". */
export function unitsLabel(units: number): string {
  return units === 1 ? '1 unit' : `${units} units`;
}
