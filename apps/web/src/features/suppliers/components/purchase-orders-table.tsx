import { formatZonedDateTime } from '@/lib/format';
import type { PurchaseOrderView } from '../api/supplier-views';
import { PO_STATUS_WORDS } from '../lib/intake-words';
import { OrderNumberLink } from './order-number-link';
import { SupplierClock } from './supplier-clock';

/** A supplier's purchase orders, newest first: the order, when sent and how, and its tracking clock. */
export function PurchaseOrdersTable({ purchaseOrders }: { purchaseOrders: readonly PurchaseOrderView[] }) {
  return (
    <div className="table-scroll">
      <table className="grid compact" data-testid="purchase-orders">
        <thead>
          <tr>
            <th>Purchase order</th>
            <th>Order</th>
            <th>Sent</th>
            <th>Status</th>
            <th>Tracking</th>
          </tr>
        </thead>
        <tbody>
          {purchaseOrders.map((po) => {
            const zone = po.order?.account?.timeZone;
            return (
              <tr key={po.id} data-testid="purchase-order-row" data-status={po.status}>
                <td className="mono">{po.number}</td>
                <td>{po.order ? <OrderNumberLink order={po.order} /> : '—'}</td>
                <td>
                  {formatZonedDateTime(po.sentAt, zone)}
                  {po.sentTo && <div className="muted">to {po.sentTo}</div>}
                </td>
                <td>{PO_STATUS_WORDS[po.status]}</td>
                <td>
                  {po.status === 'CANCELLED' ? (
                    '—'
                  ) : (
                    <SupplierClock dueAt={po.trackingDueAt} receivedAt={po.trackingReceivedAt} timeZone={zone} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
