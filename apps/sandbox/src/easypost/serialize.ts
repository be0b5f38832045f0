import type { EasyPostPlace, ParcelScript, ScriptedScan, TrackerRecord, TrackerStatus } from './types';

/** EasyPost writes object times to the second, with a Z. */
export const iso = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');

const FINAL: ReadonlySet<TrackerStatus> = new Set(['delivered', 'return_to_sender', 'failure', 'cancelled']);

function location(place: EasyPostPlace | null) {
  return {
    object: 'TrackingLocation',
    city: place?.city ?? null,
    state: place?.state ?? null,
    country: place?.country ?? null,
    zip: place?.zip ?? null,
  };
}

/** "HOUSTON TX, 77063", as EasyPost writes origin_location / destination_location. */
const oneLine = (p: EasyPostPlace) => `${p.city} ${p.state}, ${p.zip}`;

export function visibleScans(script: ParcelScript | null, at: number): ScriptedScan[] {
  return script ? script.scans.filter((s) => s.at <= at) : [];
}

export function currentStatus(script: ParcelScript | null, at: number): TrackerStatus {
  return visibleScans(script, at).at(-1)?.status ?? 'unknown';
}

/** `https://track.easypost.com/<base64 of "v1:<tracker id>">`, as in EasyPost's examples. */
export function publicUrl(id: string): string {
  return `https://track.easypost.com/${Buffer.from(`v1:${id}`).toString('base64url')}`;
}

/** The Tracker object as EasyPost's examples show it, as the carrier has reported it by `at`. */
export function serializeTracker(
  tracker: TrackerRecord,
  script: ParcelScript | null,
  at: number,
  mode: 'test' | 'production',
): Record<string, unknown> {
  const scans = visibleScans(script, at);
  const last = scans.at(-1);
  const status = last?.status ?? 'unknown';
  const updatedAt = Math.max(tracker.createdAt, last?.at ?? 0);
  const atDestination = scans.some((s) => s.status !== 'pre_transit' && s.status !== 'in_transit');
  const attempt = script?.firstAttemptAt != null && script.firstAttemptAt <= at ? script.firstAttemptAt : null;
  return {
    id: tracker.id,
    object: 'Tracker',
    mode,
    tracking_code: tracker.trackingCode,
    status,
    status_detail: last?.statusDetail ?? 'unknown',
    created_at: iso(tracker.createdAt),
    updated_at: iso(updatedAt),
    signed_by: status === 'delivered' ? (script?.signedBy ?? null) : null,
    weight: null,
    est_delivery_date: script?.estDeliveryAt != null && scans.length > 1 ? iso(script.estDeliveryAt) : null,
    shipment_id: tracker.shipmentId ?? null,
    carrier: tracker.carrier,
    tracking_details: scans.map((s) => ({
      object: 'TrackingDetail',
      message: s.message,
      description: s.message,
      status: s.status,
      status_detail: s.statusDetail,
      datetime: iso(s.at),
      source: tracker.carrier,
      carrier_code: s.carrierCode,
      tracking_location: location(s.place),
      est_delivery_date: null,
    })),
    fees: [],
    carrier_detail: script
      ? {
          object: 'CarrierDetail',
          service: script.service,
          container_type: null,
          est_delivery_date_local:
            script.estDeliveryAt != null && scans.length > 1 ? iso(script.estDeliveryAt).slice(0, 10) : null,
          est_delivery_time_local: null,
          origin_location: oneLine(script.origin),
          origin_tracking_location: location(script.origin),
          destination_location: oneLine(script.destination),
          destination_tracking_location: atDestination ? location(script.destination) : null,
          guaranteed_delivery_date: null,
          alternate_identifier: null,
          initial_delivery_attempt: attempt === null ? null : iso(attempt),
        }
      : null,
    finalized: FINAL.has(status),
    is_return: false,
    public_url: publicUrl(tracker.id),
  };
}

/**
 * EasyPost's servers write a whole-number weight as a float ("weight": 17.0), and the official clients' webhook
 * check rewrites the body that way before hashing; the sandbox sends the same bytes.
 */
export function eventBody(value: unknown): string {
  return JSON.stringify(value).replace(/("weight":)(-?\d+)(?=[,}])/g, '$1$2.0');
}
