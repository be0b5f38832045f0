import type { CarrierCode, CarrierLocation, CarrierStatus } from '@order-hub/types';

/** One scan or status change of a parcel, as the carrier reported it. */
export interface TrackingDetail {
  status: CarrierStatus;
  statusDetail: string | null;
  message: string | null;
  at: Date;
  location: CarrierLocation | null;
}

/** A tracker as the provider holds it: the parcel's status and every scan so far, oldest first. */
export interface TrackerSnapshot {
  providerTrackerId: string;
  trackingCode: string;
  /** The carrier as the provider names it. */
  carrier: string;
  status: CarrierStatus;
  statusDetail: string | null;
  publicUrl: string | null;
  estDeliveryAt: Date | null;
  /** The provider's last change to the tracker. */
  updatedAt: Date;
  details: TrackingDetail[];
  origin: CarrierLocation | null;
  destination: CarrierLocation | null;
  initialDeliveryAttemptAt: Date | null;
}

/** What registering a number gives: a tracker, or the provider's refusal (no supported carrier matches it). */
export type TrackResult = { kind: 'TRACKING'; tracker: TrackerSnapshot } | { kind: 'UNTRACKABLE'; reason: string };

/** A verified webhook event; `tracker` is null for events that are not about a tracker. */
export interface TrackingWebhookEvent {
  id: string;
  description: string;
  tracker: TrackerSnapshot | null;
}

/** A page of trackers changed since an instant, oldest change first, and where the next page starts. */
export interface TrackerPage {
  trackers: TrackerSnapshot[];
  next: string | null;
}

/** The provider refused or failed a call; `retryable` when trying again later may succeed (429, 5xx, network). */
export class TrackingProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
    this.name = 'TrackingProviderError';
  }
}

/** The webhook's signature is missing or wrong: answer 401 and store nothing. */
export class WebhookSignatureError extends Error {
  constructor(message = 'The webhook signature does not match') {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

/**
 * A carrier-tracking provider (EasyPost's Tracker API is the first): registers numbers, reads trackers and what
 * changed, and verifies the provider's webhooks. Implementations map the provider's payloads to these types; nothing
 * outside them reads a provider's raw payload.
 */
export interface TrackingProvider {
  readonly name: string;
  /** Registers the number with the provider (idempotent per code and carrier) and returns its tracker. */
  track(carrier: CarrierCode, trackingNumber: string): Promise<TrackResult>;
  get(providerTrackerId: string): Promise<TrackerSnapshot>;
  /** The trackers of these codes (of one carrier when given), for reconciliation. */
  byCodes(trackingCodes: readonly string[], carrier?: CarrierCode): Promise<TrackerSnapshot[]>;
  /** Trackers changed since `since`; page on with `next`. */
  updatedSince(since: Date, next?: string | null): Promise<TrackerPage>;
  /** Verifies a webhook POST (raw body and headers) and parses it; throws WebhookSignatureError when it fails. */
  verifyWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): TrackingWebhookEvent;
}
