/** Every job the hub runs; payloads carry an id only, and handlers are idempotent. */
export const JobName = {
  PULL_ORDERS: 'pull-orders',
  DELIVER_OUTBOX: 'deliver-outbox',
  POLL_MCF: 'poll-mcf',
  /** Daily compliance snapshots of one channel (the id is the channel). */
  COMPLIANCE_SNAPSHOTS: 'compliance-snapshots',
  /** Registers untracked shipments at the tracking provider and polls the trackers due (the id is always 'due'). */
  TRACK_SHIPMENTS: 'track-shipments',
  /** Applies the tracking provider's pending webhook events in batches (the id is always 'inbox'). */
  INGEST_TRACKING_EVENTS: 'ingest-tracking-events',
  /** Reads the order a received push names and upserts it (the id is the push_event id). */
  FETCH_PUSHED_ORDER: 'fetch-pushed-order',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** The BullMQ queue all jobs share in scale-out mode. */
export const QUEUE_NAME = 'order-hub';
