import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { formatDateTime } from '@/lib/format';
import type { McfOrderView } from '../api/mcf.graphql';
import { useMcfQueue } from '../api/mcf.hooks';
import { McfStatusBadge } from '../components/mcf-status-badge';
import { MCF_QUEUE_LABELS, MCF_QUEUE_TABS, parseQueueTab } from '../lib/queue-filters';

/** Orders with Amazon MCF, by where they stand: pending, processing, held, shipped, back with the operator. */
export function McfQueuePage() {
  const [params, setParams] = useSearchParams();
  const tab = parseQueueTab(params.get('tab'));
  const queue = useMcfQueue(tab);
  const rows = queue.data?.pages.flatMap((page) => page.mcfOrders) ?? [];

  return (
    <section className="page" data-testid="mcf-queue-page">
      <div className="page-head">
        <h1>Amazon MCF</h1>
      </div>
      <nav className="tabs" role="tablist" aria-label="MCF queues">
        {MCF_QUEUE_TABS.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={key === tab}
            className={key === tab ? 'tab active' : 'tab'}
            onClick={() => setParams(key === 'pending' ? {} : { tab: key })}
            data-testid={`mcf-tab-${key}`}
          >
            {MCF_QUEUE_LABELS[key]}
          </button>
        ))}
      </nav>
      {queue.isPending ? (
        <Loading label="Loading MCF orders…" />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : rows.length === 0 ? (
        <p className="empty" data-testid="mcf-queue-empty">
          No MCF orders here.
        </p>
      ) : (
        <>
          <McfQueueTable rows={rows} />
          {queue.hasNextPage && (
            <div className="pager">
              <button
                type="button"
                disabled={queue.isFetchingNextPage}
                onClick={() => void queue.fetchNextPage()}
                data-testid="mcf-queue-more"
              >
                {queue.isFetchingNextPage ? 'Loading…' : 'Older'}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function McfQueueTable({ rows }: { rows: readonly McfOrderView[] }) {
  return (
    <table className="grid" data-testid="mcf-queue-table">
      <thead>
        <tr>
          <th>Seller fulfillment order</th>
          <th>Status</th>
          <th>Speed</th>
          <th>Packages / tracking</th>
          <th>Hold / reason</th>
          <th>Created</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const holds = row.packages.filter((pkg) => pkg.holdReason);
          return (
            <tr key={row.id} data-testid="mcf-queue-row" data-status={row.status}>
              <td>
                <Link to={`/orders/${row.orderId}`} className="mono" data-testid="mcf-queue-order">
                  {row.sellerFulfillmentOrderId}
                </Link>
              </td>
              <td>
                <McfStatusBadge status={row.status} />
                {row.amazonStatus && <div className="muted">Amazon: {row.amazonStatus}</div>}
              </td>
              <td>{row.shippingSpeed}</td>
              <td data-testid="mcf-queue-packages">
                {row.packages.length === 0
                  ? '—'
                  : row.packages.map((pkg) => (
                      <div key={pkg.packageNumber}>
                        {pkg.carrierCode} <span className="mono">{pkg.trackingNumber ?? 'no tracking yet'}</span>
                      </div>
                    ))}
              </td>
              <td className="wrap" data-testid="mcf-queue-hold">
                {holds.length > 0
                  ? holds.map((pkg) => (
                      <div key={pkg.packageNumber} className="bad">
                        Held: {pkg.holdReason}
                      </div>
                    ))
                  : (row.reason ?? '—')}
              </td>
              <td>{formatDateTime(row.createdAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
