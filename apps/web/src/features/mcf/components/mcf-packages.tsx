import { formatDateTime } from '@/lib/format';
import type { McfPackageView } from '../api/mcf.graphql';
import { trackingEvents } from '../lib/mcf-format';

/** A held package: its tracking was not passed on to Walmart, and why. Loud on purpose. */
export function HoldNotice({ pkg }: { pkg: McfPackageView }) {
  if (!pkg.holdReason) return null;
  return (
    <div className="hold-notice" role="alert" data-testid="mcf-hold">
      <strong>Tracking held (package {pkg.packageNumber}):</strong>{' '}
      <span data-testid="mcf-hold-reason">{pkg.holdReason}</span>
    </div>
  );
}

/** Each package Amazon shipped: carrier, tracking, when it started moving, the carrier's events. */
export function McfPackages({ packages }: { packages: readonly McfPackageView[] }) {
  if (packages.length === 0) {
    return (
      <p className="muted" data-testid="mcf-no-packages">
        No packages yet: Amazon has not shipped.
      </p>
    );
  }
  return (
    <div className="mcf-packages">
      {packages.map((pkg) => {
        const events = trackingEvents(pkg.events);
        return (
          <div key={pkg.packageNumber} className="mcf-package" data-testid="mcf-package">
            <HoldNotice pkg={pkg} />
            <dl className="facts">
              <dt>Package</dt>
              <dd>{pkg.packageNumber}</dd>
              <dt>Carrier</dt>
              <dd data-testid="mcf-carrier">{pkg.carrierCode}</dd>
              <dt>Tracking</dt>
              <dd className="mono" data-testid="mcf-tracking">
                {pkg.trackingNumber ?? '—'}
              </dd>
              <dt>Moving since</dt>
              <dd data-testid="mcf-moving-at">{pkg.movingAt ? formatDateTime(pkg.movingAt) : 'no carrier scan yet'}</dd>
              <dt>Passed to Walmart</dt>
              <dd>{pkg.shipmentId ? 'yes' : 'not yet'}</dd>
            </dl>
            {events.length > 0 && (
              <table className="grid compact" data-testid="mcf-events">
                <thead>
                  <tr>
                    <th>When</th>
                    <th>Event</th>
                    <th>Description</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((event, index) => (
                    <tr key={`${event.eventCode}-${index}`} data-testid="mcf-event">
                      <td>{formatDateTime(event.eventDate)}</td>
                      <td className="mono">{event.eventCode}</td>
                      <td>{event.eventDescription ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
    </div>
  );
}
