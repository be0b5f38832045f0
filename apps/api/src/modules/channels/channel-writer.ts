import type {
  AcknowledgePayload,
  CancelPayload,
  McfCancelPayload,
  McfCreatePayload,
  OutboxOperation,
  OutboxPayload,
  RefundPayload,
  ReturnRefundPayload,
  ShipPayload,
  UpdateTrackingPayload,
} from '@order-hub/types';

/** What was sent and what came back, for the outbox's attempt log (never credentials). */
export interface ChannelCall {
  request: { method: string; path: string; body?: unknown };
  status: number;
  body: unknown;
  /** Something to follow up on later (Amazon's feedId). */
  channelRef?: string;
}

/**
 * Whether the channel shows an operation's change: APPLIED, NOT_APPLIED (send it again), IN_PROGRESS (the
 * channel is still working on it: ask again later), or REJECTED with the channel's reason.
 */
export type ReadBack =
  { state: 'APPLIED' | 'NOT_APPLIED' | 'IN_PROGRESS'; detail?: string } | { state: 'REJECTED'; detail: string };

/** The calls that change a channel, one per outbox operation, and the read-back that proves each. */
export interface ChannelWriter {
  acknowledge(payload: AcknowledgePayload): Promise<ChannelCall>;
  ship(payload: ShipPayload): Promise<ChannelCall>;
  updateTracking(payload: UpdateTrackingPayload): Promise<ChannelCall>;
  cancel(payload: CancelPayload): Promise<ChannelCall>;
  refund(payload: RefundPayload): Promise<ChannelCall>;
  /** Refund a return's units through the channel's returns API; channels that refund returns as order refunds refuse. */
  refundReturn(payload: ReturnRefundPayload): Promise<ChannelCall>;
  /** Amazon MCF only; other channels refuse. */
  mcfCreate(payload: McfCreatePayload): Promise<ChannelCall>;
  mcfCancel(payload: McfCancelPayload): Promise<ChannelCall>;
  readBack(operation: OutboxOperation, payload: OutboxPayload, channelRef: string | null): Promise<ReadBack>;
}
