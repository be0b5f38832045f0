/** Every job the hub runs; payloads carry an id only, and handlers are idempotent. */
export const JobName = {
  PULL_ORDERS: 'pull-orders',
  DELIVER_OUTBOX: 'deliver-outbox',
  POLL_MCF: 'poll-mcf',
  /** Daily compliance snapshots of one channel (the id is the channel). */
  COMPLIANCE_SNAPSHOTS: 'compliance-snapshots',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** The BullMQ queue all jobs share in scale-out mode. */
export const QUEUE_NAME = 'order-hub';
