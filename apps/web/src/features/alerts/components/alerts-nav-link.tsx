import { NavLink } from 'react-router';
import { useAlerts } from '../api/alerts.hooks';
import { openHighCount } from '../lib/alerts-format';

/** The header link, with the number of open HIGH alerts. */
export function AlertsNavLink() {
  const alerts = useAlerts({ open: true, orderId: null });
  const high = alerts.data ? openHighCount(alerts.data.alerts) : 0;
  return (
    <NavLink to="/alerts" data-testid="nav-alerts">
      Alerts
      {high > 0 && (
        <span className="count alert" aria-label={`${high} open high-severity alerts`} data-testid="nav-alerts-count">
          {high}
        </span>
      )}
    </NavLink>
  );
}
