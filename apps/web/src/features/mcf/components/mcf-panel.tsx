import { routeUnavailableReason } from '@order-hub/rules/channels';
import { formatZonedDateTime } from '@/lib/format';
import { OrderAlerts } from '@/features/alerts/components/order-alerts';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { staysWithOperator } from '../lib/mcf-format';
import { McfPackages } from './mcf-packages';
import { McfStatusBadge } from './mcf-status-badge';
import { MapSkuLinks } from './map-sku-links';
import { RouteToMcf } from './route-to-mcf';

/** The order's open alerts, then Amazon MCF on the order page: its fulfilment order and packages, or the way to route it. */
export function McfPanel({ order }: { order: OrderDetail }) {
  const mcf = order.mcfOrder;
  const canRoute = routeUnavailableReason(order) === null;
  return (
    <>
      <OrderAlerts orderId={order.id} />
      {(mcf || canRoute) && <McfSection order={order} canRoute={canRoute} />}
    </>
  );
}

function McfSection({ order, canRoute }: { order: OrderDetail; canRoute: boolean }) {
  const mcf = order.mcfOrder;
  return (
    <section className="panel mcf-panel" data-testid="mcf-panel">
      <h2>Amazon MCF</h2>
      {mcf && (
        <div data-testid="mcf-order">
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <McfStatusBadge status={mcf.status} />
              {mcf.amazonStatus && (
                <span className="muted" data-testid="mcf-amazon-status">
                  {' '}
                  Amazon: {mcf.amazonStatus}
                </span>
              )}
            </dd>
            <dt>Speed</dt>
            <dd data-testid="mcf-speed">{mcf.shippingSpeed}</dd>
            <dt>Seller fulfillment order</dt>
            <dd className="mono" data-testid="mcf-sfo-id">
              {mcf.sellerFulfillmentOrderId}
            </dd>
            <dt>Updated</dt>
            <dd>{formatZonedDateTime(mcf.updatedAt, order.account.timeZone)}</dd>
          </dl>
          {mcf.reason && (
            <p
              className={staysWithOperator(mcf.status) ? 'notice mcf-reason bad' : 'notice mcf-reason'}
              data-testid="mcf-reason"
            >
              {staysWithOperator(mcf.status) && <strong>Stays with you: </strong>}
              {mcf.reason}
              <MapSkuLinks reason={mcf.reason} accountId={mcf.mcfAccountId} />
            </p>
          )}
          {/* An order Amazon never took has no packages to wait for. */}
          {!(mcf.status === 'NOT_ROUTED' && mcf.packages.length === 0) && <McfPackages packages={mcf.packages} />}
        </div>
      )}
      {canRoute && <RouteToMcf orderId={order.id} />}
    </section>
  );
}
