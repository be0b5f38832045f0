import { Link } from 'react-router';
import { formatZonedDateTime } from '@/lib/format';
import type { PurchaseOrderView } from '../api/supplier-views';
import { OrderNumberLink } from './order-number-link';
import { SupplierClock } from './supplier-clock';

/** Purchase orders sent and still without tracking, soonest due first (the api's order), each with its clock. */
export function WaitingList({ purchaseOrders }: { purchaseOrders: readonly PurchaseOrderView[] }) {
  return (
    <ul className="supplier-cards" data-testid="waiting-list">
      {purchaseOrders.map((po) => {
        const zone = po.order?.account?.timeZone;
        return (
          <li key={po.id} className="supplier-card" data-testid="waiting-row" data-po-id={po.id}>
            <div className="supplier-card-head">
              {po.order ? <OrderNumberLink order={po.order} /> : <span className="muted">Order gone</span>}
              <SupplierClock dueAt={po.trackingDueAt} receivedAt={po.trackingReceivedAt} timeZone={zone} />
            </div>
            <div className="supplier-card-facts muted">
              <span>
                <span className="mono">{po.number}</span>
                {po.supplier && (
                  <>
                    {' '}
                    to{' '}
                    <Link to={`/suppliers/${po.supplier.id}`} data-testid="waiting-supplier">
                      {po.supplier.name}
                    </Link>
                  </>
                )}
              </span>
              <span data-testid="waiting-sent">sent {formatZonedDateTime(po.sentAt, zone)}</span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
