import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { useOrderAlerts } from '../api/alerts.hooks';
import { AlertList } from './alert-list';

/** The order's unresolved alerts under their own heading; polled, so one that resolves goes without a reload. */
export function OrderAlerts({ orderId }: { orderId: string }) {
  const alerts = useOrderAlerts(orderId);
  if (alerts.isPending) return <Loading label="Loading alerts…" />;
  if (alerts.isError)
    return <ErrorState title="Alerts unavailable" error={alerts.error} onRetry={() => void alerts.refetch()} />;
  if (alerts.data.length === 0) return null;
  return (
    <section className="panel order-alerts" aria-labelledby="order-alerts-heading" data-testid="order-alerts">
      <h2 id="order-alerts-heading">Alerts on this order</h2>
      <AlertList alerts={alerts.data} linkOrders={false} />
    </section>
  );
}
