import { useState } from 'react';
import { channelLabel } from '@order-hub/rules/channels';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { formatDateTime } from '@/lib/format';
import { useNow } from '@/lib/use-now';
import type { ChannelWarningView } from '../api/alerts.graphql';
import { useChannelWarnings, useRespondToChannelWarning } from '../api/alerts.hooks';
import { currentState, timeLeftLabel } from '../lib/warning-format';
import { formatActor } from '@/lib/actor-format';

/** Warnings from the channels, unanswered first with the time left of their 24-hour clock, and the response form. */
export function ChannelWarnings({ deniedReason }: { deniedReason: string | null }) {
  const warnings = useChannelWarnings();
  const now = useNow(30_000);
  if (warnings.isPending) return <Loading label="Loading channel warnings…" />;
  if (warnings.isError) return <ErrorState error={warnings.error} onRetry={() => void warnings.refetch()} />;
  const list = warnings.data.channelWarnings;
  if (list.length === 0) {
    return (
      <p className="empty" data-testid="warnings-empty">
        No channel warnings logged.
      </p>
    );
  }
  const elapsed = Math.max(0, now - warnings.dataUpdatedAt);
  return (
    <ul className="alert-list" data-testid="warning-list">
      {list.map((warning) => (
        <WarningItem key={warning.id} warning={warning} elapsedMs={elapsed} deniedReason={deniedReason} />
      ))}
    </ul>
  );
}

function WarningItem({
  warning,
  elapsedMs,
  deniedReason,
}: {
  warning: ChannelWarningView;
  elapsedMs: number;
  deniedReason: string | null;
}) {
  const respond = useRespondToChannelWarning();
  const [note, setNote] = useState('');
  const state = currentState(warning, elapsedMs);
  const urgent = state === 'DUE_SOON' || state === 'OVERDUE';
  return (
    <li
      className={`alert-item warning-item state-${state.toLowerCase()}${urgent ? ' severity-high' : ''}`}
      data-testid="warning-item"
      data-warning-id={warning.id}
      data-state={state}
    >
      <div className="alert-head">
        <span
          className={`badge ${urgent ? 'severity-badge severity-high' : state === 'ANSWERED' ? 'ok' : ''}`}
          data-testid="warning-time-left"
        >
          {timeLeftLabel(warning, elapsedMs)}
        </span>
        <strong>
          {channelLabel(warning.channel)} · {warning.accountName}
        </strong>
        <span data-testid="warning-about">{[warning.metric, warning.subject].filter(Boolean).join(': ')}</span>
        <span className="muted">
          received {formatDateTime(warning.receivedAt)} · answer by {formatDateTime(warning.respondBy)} · logged by{' '}
          {formatActor(warning.loggedBy)}
        </span>
      </div>
      <p className="wrap" data-testid="warning-message">
        {warning.message}
      </p>
      {warning.respondedAt ? (
        <p className="muted" data-testid="warning-response">
          Answered by {formatActor(warning.respondedBy)} {formatDateTime(warning.respondedAt)}: {warning.responseNote}
        </p>
      ) : (
        <form
          className="warning-respond"
          onSubmit={(event) => {
            event.preventDefault();
            respond.mutate({ id: warning.id, note });
          }}
        >
          <label className="field">
            <span>Response (what was answered, where)</span>
            <textarea
              value={note}
              onChange={(event) => setNote(event.target.value)}
              rows={2}
              data-testid="warning-response-note"
            />
          </label>
          {respond.isError && <ErrorState title="Not recorded" error={respond.error} />}
          <button
            type="submit"
            disabled={deniedReason !== null || respond.isPending || !note.trim()}
            title={deniedReason ?? undefined}
            data-testid="warning-respond"
          >
            {respond.isPending ? 'Recording…' : 'Record the response'}
          </button>
        </form>
      )}
    </li>
  );
}
