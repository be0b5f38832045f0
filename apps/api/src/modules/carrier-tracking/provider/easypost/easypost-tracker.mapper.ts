import { CARRIER_STATUSES, type CarrierLocation, type CarrierStatus } from '@order-hub/types';
import type { TrackerSnapshot, TrackingDetail, TrackingWebhookEvent } from '../tracking-provider';

/**
 * EasyPost's Tracker and Event JSON → the hub's tracker types. The only code that reads EasyPost's payloads; pure.
 * Field names and shapes as EasyPost's own example responses have them (docs.easypost.com, trackers and webhooks).
 */

/** A payload that is not the Tracker or Event EasyPost documents. */
export class EasyPostPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EasyPostPayloadError';
  }
}

type Json = Record<string, unknown>;

export function toTrackerSnapshot(value: unknown): TrackerSnapshot {
  const t = object(value, 'tracker');
  const id = text(t.id);
  const trackingCode = text(t.tracking_code);
  if (!id || !trackingCode) throw new EasyPostPayloadError('EasyPost sent a tracker without id or tracking_code');
  const updatedAt = date(t.updated_at) ?? date(t.created_at);
  if (!updatedAt) throw new EasyPostPayloadError(`EasyPost tracker ${id} has no updated_at`);
  const carrierDetail = isObject(t.carrier_detail) ? t.carrier_detail : null;
  return {
    providerTrackerId: id,
    trackingCode,
    carrier: text(t.carrier) ?? '',
    status: carrierStatus(t.status),
    statusDetail: text(t.status_detail),
    publicUrl: text(t.public_url),
    estDeliveryAt: date(t.est_delivery_date),
    updatedAt,
    details: Array.isArray(t.tracking_details) ? t.tracking_details.flatMap(trackingDetail) : [],
    origin: carrierDetail
      ? (location(carrierDetail.origin_tracking_location) ?? locationText(carrierDetail.origin_location))
      : null,
    destination: carrierDetail
      ? (location(carrierDetail.destination_tracking_location) ?? locationText(carrierDetail.destination_location))
      : null,
    initialDeliveryAttemptAt: carrierDetail ? date(carrierDetail.initial_delivery_attempt) : null,
  };
}

/** A webhook's Event; `tracker` only for tracker events that carry the Tracker as `result`. */
export function toWebhookEvent(value: unknown): TrackingWebhookEvent {
  const e = object(value, 'event');
  const id = text(e.id);
  if (!id || e.object !== 'Event')
    throw new EasyPostPayloadError('The webhook body is not an EasyPost Event with an id');
  const description = text(e.description) ?? '';
  const result = isObject(e.result) && e.result.object === 'Tracker' ? e.result : null;
  return { id, description, tracker: description.startsWith('tracker.') && result ? toTrackerSnapshot(result) : null };
}

/** EasyPost's lower-case status upper-cased; anything outside its vocabulary is UNKNOWN. */
export function carrierStatus(value: unknown): CarrierStatus {
  const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return (CARRIER_STATUSES as readonly string[]).includes(upper) ? (upper as CarrierStatus) : 'UNKNOWN';
}

/**
 * Details stay in EasyPost's order, which it documents as oldest first (an example's out-of-order datetime is not a
 * reason to move a delivery before the scans that led to it). A detail with no usable datetime cannot be placed in
 * time and is left out.
 */
function trackingDetail(value: unknown): TrackingDetail[] {
  if (!isObject(value)) return [];
  const at = date(value.datetime);
  if (!at) return [];
  return [
    {
      status: carrierStatus(value.status),
      statusDetail: text(value.status_detail),
      message: text(value.message) ?? text(value.description),
      at,
      location: location(value.tracking_location),
    },
  ];
}

/** A TrackingLocation; null when it names nothing. */
export function location(value: unknown): CarrierLocation | null {
  if (!isObject(value)) return null;
  const found: CarrierLocation = {
    city: text(value.city),
    state: text(value.state),
    zip: text(value.zip),
    country: text(value.country),
  };
  return found.city || found.state || found.zip || found.country ? found : null;
}

/**
 * carrier_detail's one-line locations when the structured one is absent: "HOUSTON TX, 77001", "ORLANDO FL US",
 * "BROOKLYN HGTS NY US" (city, two-letter state, then a ZIP and/or a two-letter country).
 */
export function locationText(value: unknown): CarrierLocation | null {
  const line = text(value);
  if (!line) return null;
  const m = /^(.+?)[\s,]+([A-Za-z]{2})(?:[\s,]+(\d{5}(?:-\d{4})?))?(?:[\s,]+([A-Za-z]{2}))?$/.exec(line);
  if (!m) return null;
  return { city: m[1].trim(), state: m[2].toUpperCase(), zip: m[3] ?? null, country: m[4]?.toUpperCase() ?? null };
}

function object(value: unknown, what: string): Json {
  if (!isObject(value)) throw new EasyPostPayloadError(`EasyPost sent a ${what} that is not a JSON object`);
  return value;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty trimmed string, else null (EasyPost sends both null and "" for "none"). */
function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function date(value: unknown): Date | null {
  const s = text(value);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}
