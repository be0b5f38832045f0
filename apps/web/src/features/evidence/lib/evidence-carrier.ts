// The evidence record's carrier facts come as plain text (they are also the columns of evidence.csv): read them back
// into the console's carrier vocabulary so the record says them in the same words as the order page.
import {
  AddressMatch,
  CarrierEventSource,
  CarrierEventType,
  CarrierStatus,
  TrackerState,
  type CarrierEventSource as EventSource,
  type CarrierEventType as EventType,
  type CarrierStatus as Status,
  type TrackerState as State,
  type AddressMatch as Match,
} from '@order-hub/types';
import type { TimelineEvent } from '@/features/orders/lib/carrier-timeline';
import type { TrackingStateInput } from '@/lib/carrier-format';

const known = <T extends string>(values: Record<string, T>, value: string | null | undefined): T | null =>
  value && Object.prototype.hasOwnProperty.call(values, value) ? values[value] : null;

export interface EvidenceCarrierEventText {
  type: string;
  status?: string | null;
  occurredAt: string;
  source: string;
  description?: string | null;
  location?: string | null;
}

/**
 * The record's carrier events as timeline events. A type or status the console does not know yet becomes a status
 * line with the api's own text in its description, so nothing the api recorded is dropped.
 */
export function evidenceTimelineEvents(events: readonly EvidenceCarrierEventText[]): TimelineEvent[] {
  return events.map((event) => {
    const type: EventType | null = known(CarrierEventType, event.type);
    const status: Status | null = known(CarrierStatus, event.status);
    const source: EventSource = known(CarrierEventSource, event.source) ?? 'TRACKING_PROVIDER';
    const unknownStatus = event.status && status === null ? event.status : null;
    const unread = [type === null ? event.type : null, unknownStatus].filter(Boolean).join(' ');
    return {
      type: type ?? 'STATUS',
      status: type === null ? (status ?? 'UNKNOWN') : status,
      occurredAt: event.occurredAt,
      description: [unread, event.description].filter(Boolean).join(' · ') || null,
      location: event.location ?? null,
      source,
    };
  });
}

export interface EvidenceTrackingText {
  state: string;
  status?: string | null;
  firstScanAt?: string | null;
  untrackableReason?: string | null;
  addressMatch?: string | null;
}

/** The tracker's state for the headline ("Awaiting first scan", "Untrackable: …", "In transit"). */
export function evidenceTrackingState(tracking: EvidenceTrackingText): TrackingStateInput {
  return {
    state: known<State>(TrackerState, tracking.state) ?? 'PENDING',
    status: known(CarrierStatus, tracking.status),
    firstScanAt: tracking.firstScanAt ?? null,
    untrackableReason: tracking.untrackableReason ?? null,
  };
}

export function evidenceAddressMatch(match: string | null | undefined): Match | null {
  return known<Match>(AddressMatch, match);
}

/** "CHANNEL" (imported from the marketplace) or "HUB" (confirmed through the hub), in words. */
export function shipmentSourceLabel(source: string): string {
  if (source === 'CHANNEL') return 'Imported from the marketplace';
  if (source === 'HUB') return 'Confirmed through the hub';
  return source;
}
