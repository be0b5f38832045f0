import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { formatDateTime } from '@/lib/format';
import { useMe } from '@/features/auth/api/auth.hooks';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import type { AlertView } from '../api/alerts.graphql';
import { useAcknowledgeAlert } from '../api/alerts.hooks';
import { alertKindLabel, isUrgent, sortAlerts } from '../lib/alerts-format';
import { formatActor } from '@/lib/actor-format';

interface AlertListProps {
  alerts: readonly AlertView[];
  /** Link each alert to its order (off on the order's own page). */
  linkOrders?: boolean;
  /** Keep the given order (a page of the connection, newest first) instead of most severe first. */
  keepOrder?: boolean;
  /** Offers "Log a channel warning" on each unresolved alert (the alerts page). */
  onLogWarning?: (alert: AlertView) => void;
}

/** Alerts, most severe first, each with what to do and an Acknowledge button (OPERATOR). */
export function AlertList({ alerts, linkOrders = true, keepOrder = false, onLogWarning }: AlertListProps) {
  const me = useMe();
  const denied = actionDeniedReason(me.data?.me.role);
  const acknowledge = useAcknowledgeAlert();
  return (
    <>
      {acknowledge.isError && <ErrorState title="Not acknowledged" error={acknowledge.error} />}
      <ul className="alert-list" data-testid="alert-list">
        {(keepOrder ? alerts : sortAlerts(alerts)).map((alert) => (
          <li
            key={alert.id}
            className={`alert-item severity-${alert.severity.toLowerCase()}`}
            role={isUrgent(alert) ? 'alert' : undefined}
            data-testid="alert-item"
            data-alert-kind={alert.kind}
            data-severity={alert.severity}
            data-status={alert.status}
          >
            <div className="alert-head">
              <span
                className={`badge severity-badge severity-${alert.severity.toLowerCase()}`}
                data-testid="alert-severity"
              >
                {alert.severity}
              </span>
              <strong data-testid="alert-kind">{alertKindLabel(alert.kind)}</strong>
              <span className="muted">opened {formatDateTime(alert.openedAt)}</span>
              {alert.resolvedAt && <span className="badge ok">resolved {formatDateTime(alert.resolvedAt)}</span>}
              {linkOrders && alert.orderId && (
                <Link to={`/orders/${alert.orderId}`} data-testid="alert-order-link">
                  Open the order
                </Link>
              )}
            </div>
            <p data-testid="alert-message">{alert.message}</p>
            {alert.action && (
              <p className="alert-action" data-testid="alert-action">
                <strong>What to do:</strong> {alert.action}
              </p>
            )}
            <div className="alert-foot">
              {alert.acknowledgedAt ? (
                <span className="muted" data-testid="alert-acknowledged">
                  Acknowledged by {formatActor(alert.acknowledgedBy)} {formatDateTime(alert.acknowledgedAt)}
                </span>
              ) : (
                !alert.resolvedAt && (
                  <button
                    type="button"
                    disabled={denied !== null || (acknowledge.isPending && acknowledge.variables === alert.id)}
                    title={denied ?? undefined}
                    onClick={() => acknowledge.mutate(alert.id)}
                    data-testid="alert-acknowledge"
                  >
                    {acknowledge.isPending && acknowledge.variables === alert.id ? 'Acknowledging…' : 'Acknowledge'}
                  </button>
                )
              )}
              {onLogWarning && !alert.resolvedAt && !alert.kind.startsWith('CHANNEL_WARNING') && (
                <button
                  type="button"
                  disabled={denied !== null}
                  onClick={() => onLogWarning(alert)}
                  data-testid="alert-log-warning"
                >
                  Log a channel warning for it
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
