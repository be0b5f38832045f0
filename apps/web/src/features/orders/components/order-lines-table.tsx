import { formatMoney } from '@/lib/format';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { StatusBadge } from './order-status';

export function OrderLinesTable({ lines }: { lines: OrderDetail['lines'] }) {
  return (
    <section className="panel" data-testid="order-lines">
      <h2>Lines</h2>
      <table className="grid">
        <thead>
          <tr>
            <th>#</th>
            <th>SKU</th>
            <th>Title</th>
            <th className="num">Ordered</th>
            <th className="num">Shipped</th>
            <th className="num">Cancelled</th>
            <th className="num">Refunded</th>
            <th className="num">Unit price</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} data-testid="order-line">
              <td>{line.lineNumber}</td>
              <td className="mono">{line.sku}</td>
              <td>{line.title}</td>
              <td className="num">{line.quantityOrdered}</td>
              <td className="num">{line.quantityShipped}</td>
              <td className="num">{line.quantityCancelled}</td>
              <td className="num">{line.quantityRefunded}</td>
              <td className="num">{formatMoney(line.unitPrice.amountCents, line.unitPrice.currency)}</td>
              <td>
                <StatusBadge status={line.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
