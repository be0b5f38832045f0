import { routeUnavailableReason } from '@order-hub/rules/channels';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { formatDateTime } from '@/lib/format';
import { useOrderAlerts } from '@/features/alerts/api/alerts.hooks';
import { AlertList } from '@/features/alerts/components/alert-list';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { staysWithOperator } from '../lib/mcf-format';
import { McfPackages } from './mcf-packages';
import { McfStatusBadge } from './mcf-status-badge';
import { RouteToMcf } from './route-to-mcf';

/** Amazon MCF on the order page: its fulfilment order and packages, the order's open alerts, or the way to route it. */
export function McfPanel({ order }: { order: OrderDetail }) {
  const alerts = useOrderAlerts(order.id);
  const mcf = order.mcfOrder;
  const canRoute = routeUnavailableReason(order) === null;
  const openAlerts = alerts.data ?? [];
  if (!mcf && !canRoute && openAlerts.length === 0) return null;

  return (
    <section className="panel mcf-panel" data-testid="mcf-panel">
      <h2>Amazon MCF</h2>
      {alerts.isPending && <Loading label="Loading alerts…" />}
      {alerts.isError && (
        <ErrorState title="Alerts unavailable" error={alerts.error} onRetry={() => void alerts.refetch()} />
      )}
      {openAlerts.length > 0 && <AlertList alerts={openAlerts} linkOrders={false} />}
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
            <dd>{formatDateTime(mcf.updatedAt)}</dd>
          </dl>
          {mcf.reason && (
            <p
              className={staysWithOperator(mcf.status) ? 'notice mcf-reason bad' : 'notice mcf-reason'}
              data-testid="mcf-reason"
            >
              {staysWithOperator(mcf.status) && <strong>Stays with you: </strong>}
              {mcf.reason}
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
