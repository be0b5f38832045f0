/**
 * Orders pushed by the channels (Walmart's ORDER_UPDATES webhooks, Amazon's notifications through a queue): a push
 * is a signal that an order changed; the order read from the channel is the truth, and polling reconciles.
 */

/** Where an account's subscription to its channel's order pushes stands. */
export const PUSH_STATES = ['OFF', 'ACTIVE', 'FAILED'] as const;
export type PushState = (typeof PUSH_STATES)[number];

/** What a push announces, whatever the channel calls it. */
export const PUSH_EVENT_KINDS = [
  'ORDER_CREATED',
  'ORDER_CHANGED',
  'CANCEL_REQUESTED',
  'FRAUD_CANCELLED',
  'LINE_AUTO_CANCELLED',
  'MCF_STATUS',
  'TEST',
] as const;
export type PushEventKind = (typeof PUSH_EVENT_KINDS)[number];

/**
 * What became of a received push: PENDING until its order was read; STORED (read and upserted); NOT_FOUND (the
 * channel says the order does not exist: nothing created); FAILED (the read failed for good); MALFORMED (the
 * delivery could not be read, kept with the reason); DEAD_LETTER (a queue message that failed too often); TEST.
 */
export const PUSH_EVENT_OUTCOMES = [
  'PENDING',
  'STORED',
  'NOT_FOUND',
  'FAILED',
  'MALFORMED',
  'DEAD_LETTER',
  'TEST',
] as const;
export type PushEventOutcome = (typeof PUSH_EVENT_OUTCOMES)[number];

/** One event read from a channel's push delivery. */
export interface ChannelPushEvent {
  /** The channel's id of the event (Walmart's eventId, Amazon's NotificationId): duplicates share it. */
  eventId: string;
  kind: PushEventKind;
  /** The order the event names (purchaseOrderId, AmazonOrderId); null for a test or an MCF event. */
  channelOrderId: string | null;
  /** The MCF order an MCF status event names (sellerFulfillmentOrderId). */
  mcfOrderId: string | null;
  /** When the channel says the event happened. */
  occurredAt: Date | null;
}

/** How often the hub polls an account: the normal cadence, or the slower reconciliation while pushes arrive. */
export const POLL_MODES = ['NORMAL', 'RECONCILE'] as const;
export type PollMode = (typeof POLL_MODES)[number];
