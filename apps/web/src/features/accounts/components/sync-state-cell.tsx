import { RelativeTime } from '@/components/relative-time';
import { formatDateTime } from '@/lib/format';
import type { SyncStateView } from '../api/accounts.graphql';
import { backfillProgress, isDue, phaseLabel } from '../lib/sync-state-format';

interface SyncStateCellProps {
  state: SyncStateView;
  /** Disabled accounts keep their history but have no next run. */
  disabled: boolean;
  now: number;
}

export function SyncStateCell({ state, disabled, now }: SyncStateCellProps) {
  const progress = backfillProgress(state);
  return (
    <div
      className="sync-state"
      data-testid="sync-state"
      data-phase={state.phase}
      data-running={state.running}
      data-last-success-at={state.lastSuccessAt ?? ''}
    >
      <div className="sync-head">
        <span className={`phase phase-${state.phase.toLowerCase()}`} data-testid="sync-phase">
          {phaseLabel(state.phase)}
        </span>
        {state.running && (
          <span className="running" role="status" data-testid="sync-running">
            <span className="spinner" aria-hidden="true" /> Pulling…
          </span>
        )}
        {state.waitingForStoppedProcess && (
          <span className="muted" role="status" data-testid="sync-waiting">
            Waiting for a stopped process's lease until{' '}
            <time dateTime={state.leaseExpiresAt ?? undefined}>{formatDateTime(state.leaseExpiresAt)}</time>
          </span>
        )}
        {!disabled && isDue(state, now) && (
          <span className="muted" data-testid="sync-queued">
            Starting…
          </span>
        )}
      </div>
      {progress && (
        <div className="sync-progress">
          <progress
            max={1}
            // Without a total, the bar only moves (indeterminate) while a pull runs; a paused backfill sits at 0.
            {...(progress.fraction != null ? { value: progress.fraction } : !state.running && { value: 0 })}
            aria-label="Backfill progress"
            data-testid="sync-progress-bar"
          />
          <span data-testid="sync-progress">{progress.label}</span>
        </div>
      )}
      <dl className="sync-facts">
        <dt>Last success</dt>
        <dd>
          <RelativeTime at={state.lastSuccessAt} now={now} empty="never" testId="sync-last-success" />
        </dd>
        <dt>Watermark</dt>
        <dd data-testid="sync-watermark" title={state.watermark ?? undefined}>
          {formatDateTime(state.watermark)}
        </dd>
        <dt>Orders</dt>
        <dd>
          <span data-testid="sync-imported">{state.ordersImported}</span> imported ·{' '}
          <span data-testid="sync-updated">{state.ordersUpdated}</span> updated
        </dd>
        {state.quarantinedOrders > 0 && (
          <>
            <dt>Quarantined</dt>
            <dd data-testid="sync-quarantine">
              <span data-testid="sync-quarantined">{state.quarantinedOrders}</span> not imported
              <ul className="sync-quarantine">
                {state.quarantine.map((q) => (
                  <li key={q.channelOrderId} title={`${q.stage}, last seen ${q.lastSeenAt}`}>
                    {q.channelOrderId}: {q.reason}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>Next run</dt>
        <dd>
          {disabled ? (
            <span className="muted">none (disabled)</span>
          ) : (
            <RelativeTime at={state.nextRunAt} now={now} testId="sync-next-run" />
          )}
        </dd>
      </dl>
    </div>
  );
}
