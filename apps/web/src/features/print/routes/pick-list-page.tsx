import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { usePageTitle } from '@/lib/use-page-title';
import { usePickList } from '../api/print.hooks';
import { PrintToolbar } from '../components/print-toolbar';
import { pickListSummary } from '../lib/print-format';
import { usePrintScope } from '../lib/print-scope';

/** `/print/pick-list?ids=…`: what to take from the shelves, one row per SKU, walked by bin. */
export function PickListPage() {
  usePageTitle('Pick list');
  const scope = usePrintScope();
  const pick = usePickList(scope?.target ?? null);
  if (!scope) {
    return (
      <p className="empty" data-testid="print-nothing">
        Nothing to print: choose orders in the inbox, then “Print pick list”.
      </p>
    );
  }
  const rows = pick.data?.pickList ?? [];
  const orderCount = new Set(rows.flatMap((r) => r.orders.map((o) => o.orderId))).size;
  return (
    <div className="print-page" data-testid="pick-list-page">
      <PrintToolbar pdfUrl={`/api/print/pick-list.pdf?${scope.query}`} pdfLabel="Download PDF" />
      {pick.isPending ? (
        <Loading label="Preparing the pick list…" />
      ) : pick.isError ? (
        <ErrorState error={pick.error} onRetry={() => void pick.refetch()} />
      ) : (
        <article className="print-sheet pick-list">
          <h1>Pick list</h1>
          <p className="muted" data-testid="pick-list-summary">
            {pickListSummary(
              orderCount,
              rows.reduce((sum, r) => sum + r.quantity, 0),
            )}
            {' · by bin, then SKU'}
          </p>
          {rows.length === 0 ? (
            <p className="empty" data-testid="pick-list-empty">
              Nothing left to pick: every line of these orders has shipped or been cancelled.
            </p>
          ) : (
            <table className="grid compact">
              <thead>
                <tr>
                  <th>Bin</th>
                  <th>SKU</th>
                  <th>Item</th>
                  <th className="num">Quantity</th>
                  <th>Orders</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.sku} data-testid="pick-row" data-sku={row.sku}>
                    <td data-testid="pick-bin">{row.bin ?? <span className="muted">No bin</span>}</td>
                    <td className="mono">{row.sku}</td>
                    <td>{row.title}</td>
                    <td className="num" data-testid="pick-quantity">
                      {row.quantity}
                    </td>
                    <td className="wrap">
                      {row.orders
                        .map((o) => (o.quantity > 1 ? `${o.channelOrderId} ×${o.quantity}` : o.channelOrderId))
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </article>
      )}
    </div>
  );
}
