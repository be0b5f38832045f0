import { CarrierEventList } from '@/features/orders/components/carrier-tracking';
import {
  deliveryVerdict,
  publicTrackingHref,
  trackingHeadline,
  trackingPhase,
  trackingProviderName,
} from '@/lib/carrier-format';
import { formatZonedDateTime } from '@/lib/format';
import type { EvidenceShipmentView, EvidenceTrackingView } from '../api/evidence.graphql';
import {
  evidenceAddressMatch,
  evidenceTimelineEvents,
  evidenceTrackingState,
  shipmentSourceLabel,
} from '../lib/evidence-carrier';

interface EvidenceShipmentProps {
  shipment: EvidenceShipmentView;
  /** The account's IANA time zone: the carrier's times read in it, with the zone named. */
  timeZone?: string;
}

/** One shipment of the evidence record: where its tracking came from, what the carrier saw, and every carrier event. */
export function EvidenceShipment({ shipment, timeZone }: EvidenceShipmentProps) {
  const { tracking } = shipment;
  const label = `${shipment.carrier} ${shipment.trackingNumber ?? ''}`.trim();
  const href = publicTrackingHref(tracking?.publicUrl, null);
  return (
    <article className="evidence-shipment" data-testid="evidence-shipment" data-shipment-id={shipment.id}>
      <header className="carrier-shipment-head">
        <h3>
          {shipment.carrier} <span className="mono">{shipment.trackingNumber ?? 'no tracking number'}</span>
        </h3>
        {href && (
          <a href={href} target="_blank" rel="noreferrer" className="no-print" data-testid="evidence-public-link">
            Carrier’s tracking page<span className="visually-hidden"> for {label} (opens in a new tab)</span>
          </a>
        )}
      </header>
      <dl className="facts">
        <dt>Shipped</dt>
        <dd>{formatZonedDateTime(shipment.shippedAt, timeZone)}</dd>
        <dt>Confirmed</dt>
        <dd data-testid="evidence-shipment-source">{shipmentSourceLabel(shipment.source)}</dd>
        <dt>Tracking came from</dt>
        <dd data-testid="evidence-shipment-origin">{shipment.origin}</dd>
        {tracking && <TrackingFacts tracking={tracking} timeZone={timeZone} />}
      </dl>
      {!tracking && (
        <p className="muted" data-testid="evidence-not-followed">
          {shipment.trackingNumber
            ? 'No tracking provider follows this parcel: only its number’s format was checked.'
            : 'No tracking number, so no carrier scans.'}
        </p>
      )}
      {shipment.events.length > 0 ? (
        <CarrierEventList events={evidenceTimelineEvents(shipment.events)} label={label} timeZone={timeZone} />
      ) : (
        <p className="muted" data-testid="evidence-no-carrier-events">
          No carrier event heard.
        </p>
      )}
    </article>
  );
}

function TrackingFacts({ tracking, timeZone }: { tracking: EvidenceTrackingView; timeZone?: string }) {
  const state = evidenceTrackingState(tracking);
  const match = evidenceAddressMatch(tracking.addressMatch);
  const at = (iso: string | null | undefined, none: string) => (iso ? formatZonedDateTime(iso, timeZone) : none);
  return (
    <>
      <dt>Carrier tracking</dt>
      <dd data-testid="evidence-tracking-headline" data-phase={trackingPhase(state)}>
        {trackingHeadline(state)}
        <span className="muted">
          {' '}
          · {tracking.carrier} via {trackingProviderName(tracking.provider)}
        </span>
      </dd>
      <dt>First scan</dt>
      <dd data-testid="evidence-first-scan">{at(tracking.firstScanAt, 'None yet')}</dd>
      {tracking.firstDeliveryAttemptAt && (
        <>
          <dt>First delivery attempt</dt>
          <dd data-testid="evidence-first-attempt">{at(tracking.firstDeliveryAttemptAt, '—')}</dd>
        </>
      )}
      <dt>Delivered</dt>
      <dd data-testid="evidence-delivered">{at(tracking.deliveredAt, 'Not yet')}</dd>
      <dt>Delivered to</dt>
      <dd data-testid="evidence-delivered-to">{tracking.deliveredTo ?? 'Not reported'}</dd>
      <dt>Ship-to</dt>
      <dd data-testid="evidence-ship-to">{tracking.shipTo ?? 'Not known'}</dd>
      <dt>Address check</dt>
      <dd
        className={match === 'MISMATCH' ? 'field-error' : undefined}
        data-testid="evidence-address-match"
        data-match={match ?? ''}
      >
        {deliveryVerdict(match, tracking.deliveredTo, tracking.shipTo) ?? 'Not delivered yet: nothing to compare'}
      </dd>
      <dt>Carrier data as of</dt>
      <dd data-testid="evidence-checked-at">{at(tracking.checkedAt, 'Not heard from the carrier yet')}</dd>
    </>
  );
}
