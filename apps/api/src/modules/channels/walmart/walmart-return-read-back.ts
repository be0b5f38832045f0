import type { ReturnRefundPayload } from '@order-hub/types';
import type { ReadBack } from 'src/modules/channels/channel-writer';
import type { WalmartReturnOrder, WalmartReturnOrderLine } from './walmart-return.types';

const unitsOf = (q: { measurementValue?: number } | undefined) =>
  typeof q?.measurementValue === 'number' && Number.isFinite(q.measurementValue) ? q.measurementValue : 0;

/** Units Walmart counts as refunded on a line: refundedQty, or its REFUND_COMPLETED buckets when that is absent. */
function refundedUnits(line: WalmartReturnOrderLine): number {
  if (typeof line.refundedQty === 'number') return line.refundedQty;
  return (line.currentTrackingStatuses ?? [])
    .filter((b) => b?.currentRefundStatus === 'REFUND_COMPLETED')
    .reduce((sum, b) => sum + unitsOf(b.quantity), 0);
}

/** Units whose refund Walmart has started but not finished (a bucket at REFUND_INITIATED). */
function startedUnits(line: WalmartReturnOrderLine): number {
  return (line.currentTrackingStatuses ?? [])
    .filter((b) => b?.currentRefundStatus === 'REFUND_INITIATED')
    .reduce((sum, b) => sum + unitsOf(b.quantity), 0);
}

/**
 * Whether Walmart's copy of the return (GET /v3/returns?returnOrderId=…) shows the refund: every line refunded up
 * to `refundedAfter` is APPLIED. A refund Walmart has started for the missing units (REFUND_INITIATED) is
 * IN_PROGRESS, so the refund is not sent twice while Walmart works on it; fewer units, a missing line or a
 * missing return is NOT_APPLIED. Pure.
 */
export function walmartReturnReadBack(p: ReturnRefundPayload, ro: WalmartReturnOrder | null): ReadBack {
  if (!ro) return { state: 'NOT_APPLIED', detail: `Walmart lists no return ${p.channelReturnId}` };
  let started = false;
  for (const l of p.lines) {
    const line = (ro.returnOrderLines ?? []).find((r) => String(r?.returnOrderLineNumber) === l.returnLineNumber);
    if (!line) return { state: 'NOT_APPLIED', detail: `return ${p.channelReturnId} has no line ${l.returnLineNumber}` };
    const refunded = refundedUnits(line);
    if (refunded >= l.refundedAfter) continue;
    if (refunded + startedUnits(line) >= l.refundedAfter) {
      started = true;
      continue;
    }
    return {
      state: 'NOT_APPLIED',
      detail: `return line ${l.returnLineNumber}: ${refunded} of ${l.refundedAfter} unit(s) refunded`,
    };
  }
  return started
    ? { state: 'IN_PROGRESS', detail: 'Walmart has started the refund and not finished it' }
    : { state: 'APPLIED' };
}
