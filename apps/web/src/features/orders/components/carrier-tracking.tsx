import { formatZonedDateTime } from '@/lib/format';
import {
  carrierEventLabel,
  carrierSourceLabel,
  deliveryVerdict,
  formatCarrierLocation,
  publicTrackingHref,
  trackingHeadline,
  trackingPhase,
} from '@/lib/carrier-format';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import type { ShipmentTrackingView } from '../api/carrier-tracking.graphql';
import { carrierTimeline, type Milestone, type TimelineEntry, type TimelineEvent } from '../lib/carrier-timeline';

type Shipment = OrderDetail['shipments'][number];
type ShipTo = OrderDetail['shipTo'];

interface CarrierTrackingProps {
  shipments: OrderDetail['shipments'];
  shipTo: ShipTo;
  /** The account's IANA time zone: every time here reads in it. */
  timeZone?: string;
}

/** Per shipment, what the carrier saw: where it stands, the first scan and delivery, and each event with its place. */
export function CarrierTracking({ shipments, shipTo, timeZone }: CarrierTrackingProps) {
  if (shipments.length === 0) return null;
  return (
    <section className="panel carrier-tracking" data-testid="carrier-tracking">
      <h2>Carrier tracking</h2>
      {shipments.map((shipment) => (
        <ShipmentCarrier key={shipment.id} shipment={shipment} shipTo={shipTo} timeZone={timeZone} />
      ))}
    </section>
  );
}

function ShipmentCarrier({ shipment, shipTo, timeZone }: { shipment: Shipment; shipTo: ShipTo; timeZone?: string }) {
  const { tracking, carrierEvents } = shipment;
  const href = publicTrackingHref(tracking?.publicUrl, shipment.trackingUrl);
  const label = `${shipment.carrier} ${shipment.trackingNumber ?? ''}`.trim();
  return (
    <article
      className="carrier-shipment"
      data-testid="carrier-shipment"
      data-shipment-id={shipment.id}
      data-phase={tracking ? trackingPhase(tracking) : 'NOT_FOLLOWED'}
      aria-label={`Carrier tracking of ${label}`}
    >
      <header className="carrier-shipment-head">
        <h3>
          {shipment.carrier} <span className="mono">{shipment.trackingNumber ?? 'no tracking number'}</span>
        </h3>
        {href && (
          <a href={href} target="_blank" rel="noreferrer" data-testid="carrier-public-link">
            Carrier’s tracking page<span className="visually-hidden"> for {label} (opens in a new tab)</span>
          </a>
        )}
      </header>
      {tracking ? (
        <TrackingFacts tracking={tracking} shipTo={shipTo} timeZone={timeZone} />
      ) : (
        <p className="muted" data-testid="carrier-not-followed">
          {shipment.trackingNumber
            ? 'The hub does not follow this parcel at a carrier: only its number’s format is checked.'
            : 'No tracking number, so no carrier scans.'}
        </p>
      )}
      {carrierEvents.length > 0 ? (
        <CarrierEventList events={carrierEvents} label={label} timeZone={timeZone} />
      ) : (
        tracking && (
          <p className="muted" data-testid="carrier-events-empty">
            No carrier event yet.
          </p>
        )
      )}
    </article>
  );
}

function TrackingFacts({
  tracking,
  shipTo,
  timeZone,
}: {
  tracking: ShipmentTrackingView;
  shipTo: ShipTo;
  timeZone?: string;
}) {
  const phase = trackingPhase(tracking);
  const verdict = deliveryVerdict(
    tracking.addressMatch,
    tracking.deliveredTo,
    shipTo && { city: shipTo.city, state: shipTo.stateOrRegion, zip: shipTo.postalCode, country: shipTo.countryCode },
  );
  return (
    <>
      <p
        className={`carrier-headline carrier-${phase.toLowerCase()}`}
        data-testid="carrier-headline"
        role={phase === 'UNTRACKABLE' ? 'alert' : undefined}
      >
        {trackingHeadline(tracking)}
        {tracking.statusDetail && phase !== 'UNTRACKABLE' && (
          <span className="muted"> · {tracking.statusDetail.toLowerCase().replace(/_/g, ' ')}</span>
        )}
      </p>
      <dl className="facts carrier-facts">
        <dt>First scan</dt>
        <dd data-testid="carrier-first-scan">{formatZonedDateTime(tracking.firstScanAt, timeZone)}</dd>
        {tracking.firstDeliveryAttemptAt && (
          <>
            <dt>First delivery attempt</dt>
            <dd data-testid="carrier-first-attempt">
              {formatZonedDateTime(tracking.firstDeliveryAttemptAt, timeZone)}
            </dd>
          </>
        )}
        <dt>Delivered</dt>
        <dd data-testid="carrier-delivered">
          {tracking.deliveredAt
            ? formatZonedDateTime(tracking.deliveredAt, timeZone)
            : tracking.estimatedDeliveryAt
              ? `Not yet · expected ${formatZonedDateTime(tracking.estimatedDeliveryAt, timeZone)}`
              : 'Not yet'}
        </dd>
        {verdict && (
          <>
            <dt>Delivery location</dt>
            <dd
              className={tracking.addressMatch === 'MISMATCH' ? 'field-error' : undefined}
              data-testid="carrier-address-match"
              data-match={tracking.addressMatch}
            >
              {verdict}
            </dd>
          </>
        )}
        <dt>Carrier data as of</dt>
        <dd data-testid="carrier-checked-at">
          {tracking.checkedAt ? formatZonedDateTime(tracking.checkedAt, timeZone) : 'Not heard from the carrier yet'}
          {tracking.lastError && (
            <span className="muted" data-testid="carrier-last-error">
              {' '}
              · last check failed: {tracking.lastError}
            </span>
          )}
        </dd>
      </dl>
    </>
  );
}

/** A shipment's carrier events as a timeline, oldest first (the order page's and the evidence record's). */
export function CarrierEventList({
  events,
  label,
  timeZone,
}: {
  events: readonly TimelineEvent[];
  /** The shipment in words ("UPS 1Z…"), for the list's accessible name. */
  label: string;
  timeZone?: string;
}) {
  return (
    <ol className="timeline carrier-events" data-testid="carrier-events" aria-label={`Carrier events of ${label}`}>
      {carrierTimeline(events).map((entry) => (
        <CarrierEventItem key={entry.key} entry={entry} timeZone={timeZone} />
      ))}
    </ol>
  );
}

function CarrierEventItem({ entry, timeZone }: { entry: TimelineEntry; timeZone?: string }) {
  const { event, milestones } = entry;
  const place = formatCarrierLocation(event.location);
  const label = carrierEventLabel(event);
  // A delivered status needs no "Delivered" tag.
  const tags = milestones.filter((milestone) => carrierEventLabel({ type: milestone }) !== label);
  return (
    <li
      className="timeline-item carrier-event"
      data-testid="carrier-event"
      data-type={event.type}
      data-status={event.status ?? ''}
      data-milestones={milestones.join(' ')}
    >
      {event.occurredAt ? (
        <time dateTime={event.occurredAt}>{formatZonedDateTime(event.occurredAt, timeZone)}</time>
      ) : (
        <span className="muted">time not given</span>
      )}
      <div>
        <strong data-testid="carrier-event-label">{label}</strong>
        {tags.map((milestone: Milestone) => (
          <span key={milestone} className="badge carrier-milestone" data-testid="carrier-event-milestone">
            {carrierEventLabel({ type: milestone })}
          </span>
        ))}
        {place && <span data-testid="carrier-event-place"> · {place}</span>}
        {event.description && <div data-testid="carrier-event-description">{event.description}</div>}
        <div className="muted" data-testid="carrier-event-source">
          {carrierSourceLabel(event.source)}
        </div>
      </div>
    </li>
  );
}
