import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { formatDateTime } from '@/lib/format';
import { useMe } from '@/features/auth/api/auth.hooks';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import type { AlertView } from '../api/alerts.graphql';
import { useAcknowledgeAlert } from '../api/alerts.hooks';
import { alertKindLabel, isUrgent, returnPathOf, sortAlerts } from '../lib/alerts-format';
import { formatActor } from '@/lib/actor-format';

interface AlertListProps {
  alerts: readonly AlertView[];
  /** Link each alert to its order (off on the order's own page). */
  linkOrders?: boolean;
  /** Keep the given order (a page of the connection, newest first) instead of most severe first. */
  keepOrder?: boolean;
  /** Offers "Log a channel warning" on each unresolved alert (the alerts page). */
  onLogWarning?: (alert: AlertView) => void;
  /** Ticked alerts, for "Mark seen" on many (the alerts page); without it there are no checkboxes. */
  selection?: { ids: ReadonlySet<string>; toggle: (id: string, on: boolean) => void };
}

/** Alerts, most severe first, each with what to do and a "Mark seen" button (OPERATOR). */
export function AlertList({ alerts, linkOrders = true, keepOrder = false, onLogWarning, selection }: AlertListProps) {
  const me = useMe();
  const denied = actionDeniedReason(me.data?.me.role);
  const acknowledge = useAcknowledgeAlert();
  return (
    <>
      {acknowledge.isError && <ErrorState title="Not marked seen" error={acknowledge.error} />}
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
              {selection && !alert.resolvedAt && !alert.acknowledgedAt && (
                <input
                  type="checkbox"
                  aria-label={`Select: ${alertKindLabel(alert.kind)}`}
                  checked={selection.ids.has(alert.id)}
                  onChange={(event) => selection.toggle(alert.id, event.target.checked)}
                  data-testid="alert-select"
                />
              )}
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
              <ReturnLink action={alert.action} />
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
                  Seen by {formatActor(alert.acknowledgedBy)} {formatDateTime(alert.acknowledgedAt)}
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
                    {acknowledge.isPending && acknowledge.variables === alert.id ? 'Marking seen…' : 'Mark seen'}
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

/** A refund-clock alert points to its return: the refund is made from there. */
function ReturnLink({ action }: { action?: string | null }) {
  const path = returnPathOf(action);
  return path ? (
    <Link to={path} data-testid="alert-return-link">
      Open the return
    </Link>
  ) : null;
}
