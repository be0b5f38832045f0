import { CARRIER_LABELS } from '@order-hub/rules';
import { Link } from 'react-router';
import { formatZonedDateTime } from '@/lib/format';
import type { ReviewRowView, TrackingIntakeView } from '../api/supplier-views';
import { INTAKE_VIA_WORDS, reasonsInWords } from '../lib/intake-words';
import { OrderNumberLink } from './order-number-link';

interface ReviewQueueProps {
  rows: readonly ReviewRowView[];
  /** Absent for a role that may not decide. */
  onApprove?: (row: ReviewRowView) => void;
  onDismiss?: (row: ReviewRowView) => void;
}

export const carrierWords = (row: Pick<TrackingIntakeView, 'carrier' | 'carrierName'>) =>
  row.carrier === 'OTHER' ? (row.carrierName ?? 'another carrier') : CARRIER_LABELS[row.carrier];

/** Tracking held for review: what came, from whom and how, and why it was held, in words. */
export function ReviewQueue({ rows, onApprove, onDismiss }: ReviewQueueProps) {
  return (
    <ul className="supplier-cards" data-testid="review-list">
      {rows.map((row) => {
        const { intake } = row;
        const zone = row.order?.account?.timeZone;
        return (
          <li key={intake.id} className="supplier-card" data-testid="review-row" data-intake-id={intake.id}>
            <div className="supplier-card-head">
              {row.order ? <OrderNumberLink order={row.order} /> : <span className="muted">Loading the order…</span>}
              <span>
                <span className="mono" data-testid="review-tracking">
                  {intake.trackingNumber}
                </span>{' '}
                <span className="muted">({carrierWords(intake)})</span>
              </span>
            </div>
            <ul className="review-reasons" data-testid="review-reasons">
              {reasonsInWords(intake.reasons).map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <div className="supplier-card-facts muted">
              <span data-testid="review-via">
                {INTAKE_VIA_WORDS[intake.via]}
                {row.supplier && (
                  <>
                    {' '}
                    from <Link to={`/suppliers/${row.supplier.id}`}>{row.supplier.name}</Link>
                  </>
                )}
              </span>
              <span data-testid="review-received">{formatZonedDateTime(intake.createdAt, zone)}</span>
            </div>
            {(onApprove || onDismiss) && (
              <div className="supplier-card-actions">
                {onApprove && (
                  <button type="button" onClick={() => onApprove(row)} data-testid="review-approve">
                    Approve…
                  </button>
                )}
                {onDismiss && (
                  <button type="button" onClick={() => onDismiss(row)} data-testid="review-dismiss">
                    Dismiss…
                  </button>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
