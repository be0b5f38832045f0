import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { useAlerts } from '../api/alerts.hooks';
import { AlertList } from '../components/alert-list';

/** Every alert, open ones by default; `?all=1` adds the resolved ones. */
export function AlertsPage() {
  const [params, setParams] = useSearchParams();
  const all = params.get('all') === '1';
  const alerts = useAlerts({ open: all ? null : true, orderId: null });
  return (
    <section className="page" data-testid="alerts-page">
      <div className="page-head">
        <h1>Alerts</h1>
        <label className="field checkbox">
          <input
            type="checkbox"
            checked={all}
            onChange={(event) => setParams(event.target.checked ? { all: '1' } : {})}
            data-testid="alerts-show-resolved"
          />
          <span>Show resolved too</span>
        </label>
      </div>
      {alerts.isPending ? (
        <Loading label="Loading alerts…" />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.alerts.length === 0 ? (
        <p className="empty" data-testid="alerts-empty">
          {all ? 'No alerts.' : 'No open alerts: nothing needs you.'}
        </p>
      ) : (
        <AlertList alerts={alerts.data.alerts} />
      )}
    </section>
  );
}
