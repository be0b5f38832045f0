import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { formatZonedDateTime } from '@/lib/format';
import { usePageTitle } from '@/lib/use-page-title';
import { usePrintableOrders } from '../api/print.hooks';
import type { PrintableOrder } from '../api/print.graphql';
import { PrintToolbar } from '../components/print-toolbar';
import { packedUnits, shipToLines } from '../lib/print-format';
import { usePrintScope } from '../lib/print-scope';

/** `/print/packing-slips?ids=…`: one slip per order, one sheet each on paper; no prices. */
export function PackingSlipsPage() {
  usePageTitle('Packing slips');
  const scope = usePrintScope();
  const orders = usePrintableOrders(scope?.target ?? null);
  if (!scope) {
    return (
      <p className="empty" data-testid="print-nothing">
        Nothing to print: choose orders in the inbox, then “Print packing slips”.
      </p>
    );
  }
  return (
    <div className="print-page" data-testid="packing-slips-page">
      <PrintToolbar pdfUrl={`/api/print/packing-slips.pdf?${scope.query}`} pdfLabel="Download PDF" />
      {orders.isPending ? (
        <Loading label="Preparing the packing slips…" />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : (
        <>
          <p className="muted no-print" data-testid="print-count">
            {orders.data.printableOrders.length === 1
              ? '1 packing slip'
              : `${orders.data.printableOrders.length} packing slips`}
            , one page each.
          </p>
          {orders.data.printableOrders.map((order) => (
            <PackingSlip key={order.id} order={order} />
          ))}
        </>
      )}
    </div>
  );
}

function PackingSlip({ order }: { order: PrintableOrder }) {
  const lines = order.lines.filter((l) => packedUnits(l) > 0);
  return (
    <article className="print-sheet packing-slip" data-testid="packing-slip" data-order-id={order.id}>
      <header className="slip-head">
        <div>
          <h1 className="slip-seller">{order.account.name}</h1>
          <p className="muted">Packing slip</p>
        </div>
        <dl className="facts">
          <dt>Order</dt>
          <dd data-testid="slip-order-number">{order.channelOrderId}</dd>
          {order.customerOrderId && (
            <>
              <dt>Customer order</dt>
              <dd>{order.customerOrderId}</dd>
            </>
          )}
          <dt>Ordered</dt>
          <dd>{formatZonedDateTime(order.orderedAt, order.account.timeZone)}</dd>
        </dl>
      </header>
      <section className="slip-ship-to" data-testid="slip-ship-to">
        <h2>Ship to</h2>
        <address>
          {shipToLines(order.shipTo ?? null, order.buyerDataRedactedAt != null).map((line, i) => (
            <span key={i}>
              {line}
              <br />
            </span>
          ))}
        </address>
      </section>
      <table className="grid compact slip-lines">
        <thead>
          <tr>
            <th>SKU</th>
            <th>Item</th>
            <th className="num">Quantity</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} data-testid="slip-line">
              <td className="mono">{line.sku}</td>
              <td>{line.title}</td>
              <td className="num">{packedUnits(line)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
