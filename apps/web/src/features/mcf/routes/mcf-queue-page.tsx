import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { formatZonedDateTime } from '@/lib/format';
import { usePageTitle } from '@/lib/use-page-title';
import { orderPath } from '@/features/orders/lib/order-path';
import type { McfQueueRow } from '../api/mcf.graphql';
import { useMcfQueue } from '../api/mcf.hooks';
import { useMcfQueueCounts } from '../api/sku-map.hooks';
import { MapSkuLinks } from '../components/map-sku-links';
import { McfStatusBadge } from '../components/mcf-status-badge';
import { MCF_QUEUE_LABELS, MCF_QUEUE_TABS, parseQueueTab } from '../lib/queue-filters';

/** Orders with Amazon MCF, by where they stand: pending, processing, held, shipped, back with the operator. */
export function McfQueuePage() {
  const [params, setParams] = useSearchParams();
  const tab = parseQueueTab(params.get('tab'));
  usePageTitle('Amazon MCF');
  const queue = useMcfQueue(tab);
  const counts = useMcfQueueCounts();
  const rows = queue.data?.pages.flatMap((page) => page.mcfOrders) ?? [];

  return (
    <section className="page" data-testid="mcf-queue-page">
      <div className="page-head">
        <h1>Amazon MCF</h1>
        <Link to="/settings/mcf-skus" data-testid="mcf-sku-map-link">
          SKU map
        </Link>
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
            {counts.data && (
              <span className="badge" data-testid={`mcf-tab-count-${key}`}>
                {counts.data[key]}
              </span>
            )}
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

function McfQueueTable({ rows }: { rows: readonly McfQueueRow[] }) {
  return (
    <table className="grid" data-testid="mcf-queue-table">
      <thead>
        <tr>
          <th>Order</th>
          <th>Customer</th>
          <th>Ship by</th>
          <th>Status</th>
          <th>Speed</th>
          <th>Packages / tracking</th>
          <th>Hold / reason</th>
          <th>Sent to Amazon</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const holds = row.packages.filter((pkg) => pkg.holdReason);
          const zone = row.order?.account.timeZone;
          return (
            <tr key={row.id} data-testid="mcf-queue-row" data-status={row.status}>
              <td>
                <Link
                  to={row.order ? orderPath(row.order) : `/orders/${row.orderId}`}
                  className="mono"
                  title={`Amazon's id: ${row.sellerFulfillmentOrderId}`}
                  data-testid="mcf-queue-order"
                >
                  {row.order?.channelOrderId ?? row.sellerFulfillmentOrderId}
                </Link>
              </td>
              <td data-testid="mcf-queue-customer">{row.order?.shipTo?.name ?? '—'}</td>
              <td data-testid="mcf-queue-ship-by">{formatZonedDateTime(row.order?.shipBy, zone)}</td>
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
                <MapSkuLinks reason={row.reason} accountId={row.mcfAccountId} />
              </td>
              <td>{formatZonedDateTime(row.createdAt, zone)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
