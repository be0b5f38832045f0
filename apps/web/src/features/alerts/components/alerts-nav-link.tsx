import { NavLink } from 'react-router';
import { useAlertCount } from '../api/alerts.hooks';

const URGENT = { statuses: ['OPEN', 'ACKNOWLEDGED'], severities: ['HIGH', 'CRITICAL'] } as const;

/** The header link, with the number of unresolved HIGH and CRITICAL alerts (acknowledged or not). */
export function AlertsNavLink() {
  const count = useAlertCount({ statuses: [...URGENT.statuses], severities: [...URGENT.severities] });
  const urgent = count.data ?? 0;
  return (
    <NavLink to="/alerts" data-testid="nav-alerts">
      Alerts
      {urgent > 0 && (
        <span className="count alert" aria-label={`${urgent} open high-severity alerts`} data-testid="nav-alerts-count">
          {urgent}
        </span>
      )}
    </NavLink>
  );
}
