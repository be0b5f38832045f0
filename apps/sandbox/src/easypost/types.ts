/** A place as EasyPost's TrackingLocation carries it (upper-case city, two-letter state, ZIP5). */
export interface EasyPostPlace {
  city: string;
  state: string;
  zip: string;
  country: string;
}

export const PARCEL_FAULTS = [
  'NO_SCAN',
  'LATE_FIRST_SCAN',
  'DELIVERED_ELSEWHERE',
  'RETURN_TO_SENDER',
  'WRONG_PARCEL',
  'UNTRACKABLE',
] as const;
export type ParcelFault = (typeof PARCEL_FAULTS)[number];

export interface ParcelFaultSpec {
  fault: ParcelFault;
  /** LATE_FIRST_SCAN: hours from ship to the first carrier scan (default 72). */
  lateByHours?: number;
  /** DELIVERED_ELSEWHERE: where the carrier delivers instead (default another city and ZIP). */
  deliveredTo?: EasyPostPlace;
}

/** A package the carrier handles: what a tracker for its (carrier, code) reports is scripted from it. */
export interface Parcel {
  /** EasyPost's carrier name (USPS, UPS, FedEx, DHLExpress, AmazonShipping, …). */
  carrier: string;
  trackingCode: string;
  shippedAt: number;
  origin: EasyPostPlace;
  shipTo: EasyPostPlace;
  fault?: ParcelFaultSpec;
}

export type TrackerStatus =
  | 'unknown'
  | 'pre_transit'
  | 'in_transit'
  | 'out_for_delivery'
  | 'delivered'
  | 'available_for_pickup'
  | 'return_to_sender'
  | 'failure'
  | 'cancelled'
  | 'error';

/** One scripted carrier scan; it is part of the tracker once the sandbox clock reaches `at`. */
export interface ScriptedScan {
  at: number;
  status: TrackerStatus;
  statusDetail: string;
  message: string;
  carrierCode: string;
  place: EasyPostPlace | null;
}

export interface ParcelScript {
  scans: ScriptedScan[];
  origin: EasyPostPlace;
  destination: EasyPostPlace;
  estDeliveryAt: number | null;
  /** The first delivery attempt (delivered or refused at the door), once the clock reaches it. */
  firstAttemptAt: number | null;
  signedBy: string | null;
  service: string;
}

export interface TrackerRecord {
  id: string;
  /** Creation order: lists are newest first and page with before_id / after_id by it. */
  seq: number;
  carrier: string;
  trackingCode: string;
  createdAt: number;
  /** Scans already announced by webhook events (the tracker's status as last reported). */
  reportedScans: number;
  reportedStatus: TrackerStatus;
  /** The shipment whose purchase created the tracker (EasyPost creates one with every label). */
  shipmentId?: string;
  /** A test code (EZ1000000001…) walks to its status at creation; its scans are fixed then. */
  testScript?: ParcelScript;
}

export interface WebhookRecord {
  id: string;
  url: string;
  secret: string | null;
  createdAt: number;
  disabledAt: number | null;
}

export interface EventRecord {
  id: string;
  description: 'tracker.created' | 'tracker.updated';
  createdAt: number;
  previousStatus: TrackerStatus | null;
  /** The Tracker as it stood when the event happened. */
  result: Record<string, unknown>;
  completedUrls: string[];
}

/** One POST of an event to one webhook; failed posts are retried with backoff on the sandbox clock. */
export interface PendingDelivery {
  eventId: string;
  webhookId: string;
  attempt: number;
  dueAt: number;
}

export interface DeliveryAttempt {
  url: string;
  webhookId: string;
  eventId: string;
  description: string;
  attempt: number;
  /** HTTP status the receiver answered, or null when it did not answer (refused, timed out). */
  status: number | null;
  ok: boolean;
  error?: string;
  at: string;
}
