import type { Channel } from '@order-hub/types';
import { refundedByLabel } from './returns-format';

export interface TimelineStep {
  key: string;
  at: string;
  text: string;
}

/** The refund calls of one return among its order's channel calls: payloads that name the return. */
export function refundCallsOf<E extends { payload: unknown; operation: string }>(
  entries: readonly E[],
  returnId: string,
): E[] {
  return entries.filter((entry) => {
    const payload = entry.payload;
    return (
      typeof payload === 'object' &&
      payload !== null &&
      (payload as { returnId?: unknown }).returnId === returnId &&
      (entry.operation === 'REFUND' || entry.operation === 'RETURN_REFUND')
    );
  });
}

/** What happened to a return, oldest first: asked for, received, refunded (and by whom). */
export function returnSteps(ret: {
  channel: Channel;
  requestedAt: string;
  receivedAt?: string | null;
  refundedAt?: string | null;
  refundedBy?: 'SELLER' | 'CHANNEL' | null;
  status: string;
}): TimelineStep[] {
  const steps: TimelineStep[] = [{ key: 'requested', at: ret.requestedAt, text: 'The buyer asked to return it' }];
  if (ret.receivedAt) steps.push({ key: 'received', at: ret.receivedAt, text: 'The item came back' });
  if (ret.refundedAt) {
    steps.push({
      key: 'refunded',
      at: ret.refundedAt,
      text: `${refundedByLabel(ret.channel, ret.refundedBy) ?? 'Refunded'}${ret.status === 'REFUNDED' ? '' : ', in part'}`,
    });
  }
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}
