import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import type { BulkResultFieldsFragment } from '@/gql/graphql';
import { usePageTitle } from '@/lib/use-page-title';
import { useNow } from '@/lib/use-now';
import { hasBlock } from '@/features/actions/lib/violation-fields';
import { orderPath } from '@/features/orders/lib/order-path';
import { useBulkPreview, useBulkShip } from '../api/bulk.hooks';
import type { BulkOrder } from '../api/bulk.graphql';
import { BulkResults } from '../components/bulk-results';
import { BulkShipRow } from '../components/bulk-ship-row';
import { rowViolations, toBulkShipRow, type BulkShipRowValues } from '../lib/bulk-ship-checks';
import { scopeFromQuery, targetOf } from '../lib/bulk-target';

/**
 * Ships many orders from one grid: carrier and tracking number per order, each row checked by the rules as it is
 * typed; only rows that pass are sent, and each comes back with its own result.
 */
export function BulkShipPage() {
  usePageTitle('Ship orders');
  const [params] = useSearchParams();
  const scope = scopeFromQuery(params);
  const preview = useBulkPreview(scope ? targetOf(scope) : null);
  if (!scope) return <ErrorState title="No orders to ship" error="Choose orders in the inbox, then Ship…." />;
  return (
    <section className="bulk-ship" data-testid="bulk-ship-page">
      <h1>Ship orders</h1>
      {preview.isPending && <Loading />}
      {preview.isError && <ErrorState title="The orders could not be read" error={preview.error} />}
      {preview.data && <BulkShipGrid orders={preview.data.orders} anyway={params.get('anyway') === '1'} />}
    </section>
  );
}

function BulkShipGrid({ orders, anyway }: { orders: readonly BulkOrder[]; anyway: boolean }) {
  const now = new Date(useNow(30_000));
  const ship = useBulkShip();
  const [values, setValues] = useState<Record<string, BulkShipRowValues>>(() =>
    Object.fromEntries(
      orders.map((o) => [o.id, { include: anyway || !o.cancellationRequested, carrier: 'UPS', trackingNumber: '' }]),
    ),
  );
  const [result, setResult] = useState<BulkResultFieldsFragment | null>(null);
  const checks = new Map(orders.map((o) => [o.id, rowViolations(o, values[o.id], now)]));
  const ready = orders.filter(
    (o) => values[o.id].include && values[o.id].trackingNumber.trim() !== '' && !hasBlock(checks.get(o.id)!),
  );
  const held = orders.filter((o) => values[o.id].include).length - ready.length;
  const results = new Map(result?.results.map((r) => [r.orderId, r]));
  const asked = orders.filter((o) => o.cancellationRequested);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (ready.length > 0)
          ship.mutate(
            ready.map((o) => toBulkShipRow(o, values[o.id])),
            { onSuccess: setResult },
          );
      }}
    >
      {asked.length > 0 && (
        <p className="warn" role="note" data-testid="bulk-ship-buyer-cancel">
          The buyer asked to cancel{' '}
          {asked.map((o, i) => (
            <span key={o.id}>
              {i > 0 && ', '}
              <Link to={orderPath(o)}>{o.channelOrderId}</Link>
            </span>
          ))}
          . {anyway ? 'They are ticked: untick any you will not ship.' : 'They are left out unless you tick them.'}
        </p>
      )}
      <table className="grid bulk-ship-grid" data-testid="bulk-ship-grid">
        <thead>
          <tr>
            <th>Ship</th>
            <th>Order</th>
            <th>Items</th>
            <th>Carrier</th>
            <th>Tracking number</th>
            <th>Result</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <BulkShipRow
              key={order.id}
              order={order}
              values={values[order.id]}
              violations={checks.get(order.id)!}
              result={results.get(order.id) ?? null}
              onChange={(next) => setValues((current) => ({ ...current, [order.id]: next }))}
            />
          ))}
        </tbody>
      </table>
      {ship.isError && <ErrorState title="Nothing was shipped" error={ship.error} />}
      {result && (
        <BulkResults
          done="shipped"
          result={result}
          channels={new Map(orders.map((o) => [o.id, o.channel]))}
          onDismiss={() => setResult(null)}
        />
      )}
      <div className="dialog-actions">
        <Link to="/">Back to the inbox</Link>
        <button
          type="submit"
          className="primary"
          disabled={ready.length === 0 || ship.isPending}
          data-testid="bulk-ship-submit"
        >
          {ship.isPending ? 'Shipping…' : `Ship ${ready.length} ${ready.length === 1 ? 'order' : 'orders'}`}
        </button>
        {held > 0 && (
          <span className="muted" data-testid="bulk-ship-held">
            {held} ticked {held === 1 ? 'row needs' : 'rows need'} a valid tracking number first.
          </span>
        )}
      </div>
    </form>
  );
}
