import { ErrorState } from '@/components/error-state';
import { formatDeadline, formatZonedDateTime } from '@/lib/format';
import { useMe } from '@/features/auth/api/auth.hooks';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import type { TrackingHoldView } from '../api/carrier-tracking.graphql';
import { useReleaseTrackingHold } from '../api/carrier-tracking.hooks';
import { holdReleaseLabel } from '../lib/tracking-hold-format';

interface TrackingHoldsProps {
  holds: readonly TrackingHoldView[];
  timeZone?: string;
}

/**
 * Confirmations the hub keeps from the channel until the carrier scans the parcel (the account's "hold tracking
 * until it scans"), each with the deadline that releases it anyway, and "Confirm now" for an operator.
 */
export function TrackingHolds({ holds, timeZone }: TrackingHoldsProps) {
  const me = useMe();
  const denied = actionDeniedReason(me.data?.me.role);
  const release = useReleaseTrackingHold();
  if (holds.length === 0) return null;
  return (
    <section className="panel tracking-holds" data-testid="tracking-holds">
      <h2>Tracking held until the carrier scans</h2>
      <p className="hint">
        The channel hears of these shipments after the first carrier scan, or at the deadline, whichever comes first.
      </p>
      <ul className="hold-list">
        {holds.map((hold) => {
          const held = hold.releasedAt === null;
          const pending = release.isPending && release.variables === hold.shipmentId;
          return (
            <li
              key={hold.shipmentId}
              className="hold"
              data-testid="tracking-hold"
              data-shipment-id={hold.shipmentId}
              data-released={held ? 'false' : 'true'}
            >
              <div>
                <strong>
                  {hold.carrier} <span className="mono">{hold.trackingNumber}</span>
                </strong>
                <div className="muted">
                  {hold.operation === 'UPDATE_TRACKING' ? 'Tracking correction' : 'Shipment confirmation'} held since{' '}
                  {formatZonedDateTime(hold.heldSince, timeZone)}
                </div>
                <div data-testid="tracking-hold-state">
                  {held ? (
                    <>
                      Sent to the channel at the first scan, or by{' '}
                      <time dateTime={hold.releaseBy} data-testid="tracking-hold-release-by">
                        {formatZonedDateTime(hold.releaseBy, timeZone)}
                      </time>{' '}
                      <span className="muted">({formatDeadline(hold.releaseBy)})</span>
                    </>
                  ) : (
                    holdReleaseLabel(hold.releaseReason, formatZonedDateTime(hold.releasedAt, timeZone))
                  )}
                </div>
              </div>
              {held && (
                <button
                  type="button"
                  onClick={() => release.mutate(hold.shipmentId)}
                  disabled={denied !== null || release.isPending}
                  title={denied ?? 'Send the confirmation to the channel now, without waiting for a scan'}
                  data-testid="tracking-hold-confirm"
                >
                  {pending ? 'Confirming…' : 'Confirm now'}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {denied && me.data && (
        <p className="hint" data-testid="tracking-hold-denied">
          {denied}
        </p>
      )}
      {release.isError && <ErrorState title="Not confirmed" error={release.error} />}
    </section>
  );
}
