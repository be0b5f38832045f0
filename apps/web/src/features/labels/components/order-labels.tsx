import { ErrorState } from '@/components/error-state';
import { formatDateTime, formatMoney } from '@/lib/format';
import { useOrderLabels } from '../api/labels.hooks';
import { labelStatusWords } from '../lib/label-format';
import { LabelVoidButton } from './label-void-button';

/** The labels bought for the order: carrier, service, tracking, cost, status, reprint and void. */
export function OrderLabels({ orderId, timeZone }: { orderId: string; timeZone: string }) {
  const query = useOrderLabels(orderId);
  if (query.isError) return <ErrorState title="Labels unavailable" error={query.error} />;
  const labels = query.data?.order?.labels ?? [];
  if (labels.length === 0) return null;
  return (
    <section className="order-labels" data-testid="order-labels">
      <h2>Labels</h2>
      <div className="table-scroll">
        <table className="grid compact">
          <thead>
            <tr>
              <th>Service</th>
              <th>Tracking</th>
              <th className="num">Cost</th>
              <th>Status</th>
              <th>Bought</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {labels.map((label) => (
              <tr key={label.id} data-testid="order-label" data-label-id={label.id} data-status={label.status}>
                <td>
                  {label.serviceName ?? '—'}
                  {label.carrierName && <span className="muted"> · {label.carrierName}</span>}
                </td>
                <td className="mono" data-testid="order-label-tracking">
                  {label.trackingNumber ?? '—'}
                </td>
                <td className="num" data-testid="order-label-cost">
                  {label.amountCents != null && label.currency ? formatMoney(label.amountCents, label.currency) : '—'}
                </td>
                <td data-testid="order-label-status">
                  {labelStatusWords(label.status)}
                  {label.failure && <span className="muted"> — {label.failure}</span>}
                </td>
                <td>{formatDateTime(label.purchasedAt, timeZone)}</td>
                <td>
                  <div className="row-actions">
                    {label.documentUrl && label.status !== 'VOIDED' && (
                      <a
                        href={label.documentUrl}
                        target="_blank"
                        rel="noreferrer"
                        className="button"
                        data-testid="order-label-print"
                      >
                        Reprint
                      </a>
                    )}
                    <LabelVoidButton label={label} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
