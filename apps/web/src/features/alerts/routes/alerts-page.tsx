import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { currentCursor, pageRangeLabel, popCursor, pushCursor, type CursorStack } from '@/lib/cursor-stack';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { AlertView } from '../api/alerts.graphql';
import { ALERTS_PAGE_SIZE, useAlertAccounts, useAlerts, useMarkAlertsSeen } from '../api/alerts.hooks';
import { AlertFilters } from '../components/alert-filters';
import { AlertKindGroups } from '../components/alert-kind-groups';
import { AlertList } from '../components/alert-list';
import { ChannelWarnings } from '../components/channel-warnings';
import { LogWarningForm } from '../components/log-warning-form';
import { filterFromParams, paramsFromFilter, toAlertFilter, type AlertsPageFilter } from '../lib/alerts-filter';

/**
 * Channel warnings first (each with its clock), then the alerts under the filters in the URL (unresolved by default):
 * grouped by kind with counts, newest first and paged, marked seen one by one, ticked, or a whole kind at once.
 */
export function AlertsPage() {
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const [cursors, setCursors] = useState<CursorStack>([]);
  const alerts = useAlerts(toAlertFilter(filter), currentCursor(cursors));
  const accounts = useAlertAccounts();
  const me = useMe();
  const denied = actionDeniedReason(me.data?.me.role);
  const [logging, setLogging] = useState<{ alert: AlertView | null } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const markSeen = useMarkAlertsSeen();

  const changeFilter = (next: AlertsPageFilter) => {
    setCursors([]);
    setSelected(new Set());
    // At once, not in a transition: the ticked box shows its new state as it is clicked.
    setParams(paramsFromFilter(next), { flushSync: true });
  };
  const connection = alerts.data?.alerts;
  const shown = new Set(connection?.edges.map((edge) => edge.node.id) ?? []);
  const ticked = [...selected].filter((id) => shown.has(id));
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section className="page" data-testid="alerts-page">
      <div className="page-head">
        <h1>Alerts</h1>
      </div>
      <div className="page-head">
        <h2>Channel warnings</h2>
        {!logging && (
          <button
            type="button"
            disabled={denied !== null}
            title={denied ?? undefined}
            onClick={() => setLogging({ alert: null })}
            data-testid="warning-log"
          >
            Log a channel warning
          </button>
        )}
      </div>
      <p className="muted">
        Warnings Walmart or Amazon sent the seller; each must be answered within 24 hours of receipt.
      </p>
      {logging && (
        <LogWarningForm
          key={logging.alert?.id ?? 'new'}
          accounts={accounts.data?.channelAccounts ?? []}
          linkedAlert={logging.alert}
          onDone={() => setLogging(null)}
        />
      )}
      <ChannelWarnings deniedReason={denied} />

      <h2>Alerts by kind</h2>
      <AlertKindGroups
        filter={toAlertFilter({ ...filter, kind: null })}
        kind={filter.kind}
        onKind={(kind) => changeFilter({ ...filter, kind })}
        deniedReason={denied}
      />
      <AlertFilters filter={filter} accounts={accounts.data?.channelAccounts ?? []} onChange={changeFilter} />
      {ticked.length > 0 && (
        <div className="bulk-bar" role="region" aria-label="Selected alerts" data-testid="alerts-bulk">
          <span>{ticked.length} selected</span>
          <button
            type="button"
            className="primary"
            disabled={denied !== null || markSeen.isPending}
            onClick={() => markSeen.mutate({ ids: ticked }, { onSuccess: () => setSelected(new Set()) })}
            data-testid="alerts-mark-selected-seen"
          >
            Mark {ticked.length} seen
          </button>
          <button type="button" onClick={() => setSelected(new Set())}>
            Clear
          </button>
        </div>
      )}
      {markSeen.isError && <ErrorState title="Not marked seen" error={markSeen.error} />}
      {alerts.isPending ? (
        <Loading label="Loading alerts…" />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : connection!.edges.length === 0 ? (
        <p className="empty" data-testid="alerts-empty">
          {cursors.length === 0 &&
          filter.statuses.join() === 'OPEN,ACKNOWLEDGED' &&
          !filter.severities.length &&
          !filter.kind &&
          !filter.accountId &&
          !filter.channel
            ? 'No open alerts: nothing needs you.'
            : 'No alerts match.'}
        </p>
      ) : (
        <div className={alerts.isPlaceholderData ? 'stale' : undefined} aria-busy={alerts.isPlaceholderData}>
          <AlertList
            alerts={connection!.edges.map((edge) => edge.node)}
            keepOrder
            onLogWarning={(alert) => setLogging({ alert })}
            selection={denied === null ? { ids: selected, toggle } : undefined}
          />
        </div>
      )}
      <div className="pager">
        <button
          type="button"
          disabled={cursors.length === 0}
          onClick={() => setCursors(popCursor)}
          data-testid="alerts-prev"
        >
          ← Newer
        </button>
        <span className="muted" data-testid="alerts-range">
          {connection && !alerts.isPlaceholderData
            ? pageRangeLabel(cursors, ALERTS_PAGE_SIZE, connection.edges.length, connection.totalCount)
            : '…'}
        </span>
        <button
          type="button"
          disabled={!connection?.pageInfo.hasNextPage || alerts.isPlaceholderData}
          onClick={() => {
            const end = connection?.pageInfo.endCursor;
            if (end) setCursors((stack) => pushCursor(stack, end));
          }}
          data-testid="alerts-next"
        >
          Older →
        </button>
      </div>
    </section>
  );
}
