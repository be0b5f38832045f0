import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import type { OutboxStatus } from '@/gql/graphql';
import { currentCursor, popCursor, pushCursor, type CursorStack } from '@/lib/cursor-stack';
import { formatDateTime } from '@/lib/format';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import { useMe } from '@/features/auth/api/auth.hooks';
import { useOutboxEntries } from '../api/outbox.hooks';
import { OutboxEntryActions } from '../components/outbox-entry-actions';
import { OutboxStatusBadge } from '@/features/shared/components/outbox-status-badge';
import { DEFAULT_QUEUE_STATUSES, OUTBOX_STATUSES, payloadFacts } from '../lib/outbox-format';

/** The channel calls that need an operator (FAILED, DEAD), or any other statuses chosen. */
export function OutboxPage() {
  const [statuses, setStatuses] = useState<OutboxStatus[]>([...DEFAULT_QUEUE_STATUSES]);
  const [cursors, setCursors] = useState<CursorStack>([]);
  const entries = useOutboxEntries(statuses, currentCursor(cursors));
  const me = useMe();
  const denied = actionDeniedReason(me.data?.me.role);

  const toggle = (status: OutboxStatus, on: boolean) => {
    setCursors([]);
    setStatuses((current) => OUTBOX_STATUSES.filter((s) => (s === status ? on : current.includes(s))));
  };

  return (
    <section className="outbox-page" data-testid="outbox-page">
      <div className="toolbar">
        <h1>Outbox</h1>
        <fieldset className="status-filter" data-testid="outbox-status-filter">
          <legend>Statuses</legend>
          {OUTBOX_STATUSES.map((status) => (
            <label key={status}>
              <input
                type="checkbox"
                checked={statuses.includes(status)}
                onChange={(event) => toggle(status, event.target.checked)}
                data-testid={`outbox-filter-${status}`}
              />
              {status}
            </label>
          ))}
        </fieldset>
      </div>
      {denied && (
        <p className="notice" data-testid="role-notice">
          {denied}
        </p>
      )}
      {entries.isPending ? (
        <Loading label="Loading the outbox…" />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data.outboxEntries.edges.length === 0 ? (
        <p className="empty" data-testid="outbox-empty">
          Nothing {statuses.length > 0 ? `${statuses.join(' or ').toLowerCase()}` : 'here'}.
        </p>
      ) : (
        <table
          className={entries.isPlaceholderData ? 'grid stale' : 'grid'}
          aria-busy={entries.isPlaceholderData}
          data-testid="outbox-table"
        >
          <thead>
            <tr>
              <th>Created</th>
              <th>Operation</th>
              <th>Order</th>
              <th>Status</th>
              <th className="num">Attempts</th>
              <th>Last error</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.outboxEntries.edges.map(({ node: entry }) => {
              const facts = payloadFacts(entry.payload);
              return (
                <tr
                  key={entry.id}
                  data-testid="outbox-row"
                  data-entry-id={entry.id}
                  data-status={entry.status}
                  data-operation={entry.operation}
                >
                  <td>{formatDateTime(entry.createdAt)}</td>
                  <td>
                    {entry.operation}
                    {facts.trackingNumber && <div className="mono muted">{facts.trackingNumber}</div>}
                  </td>
                  <td>
                    <Link to={`/orders/${entry.orderId}`} data-testid="outbox-order-link">
                      {facts.channelOrderId ?? entry.orderId}
                    </Link>
                  </td>
                  <td>
                    <OutboxStatusBadge status={entry.status} />
                    {entry.status === 'PENDING' && (
                      <div className="muted">next {formatDateTime(entry.nextAttemptAt)}</div>
                    )}
                  </td>
                  <td className="num">{entry.attempts}</td>
                  <td className="wrap" data-testid="outbox-row-error">
                    {entry.lastErrorCode && <code>{entry.lastErrorCode}</code>} {entry.lastError ?? ''}
                    {entry.discardReason && <div className="muted">Discarded: {entry.discardReason}</div>}
                  </td>
                  <td>
                    <OutboxEntryActions entry={entry} deniedReason={denied} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="pager">
        <button
          type="button"
          disabled={cursors.length === 0}
          onClick={() => setCursors(popCursor)}
          data-testid="outbox-prev"
        >
          ← Newer
        </button>
        <button
          type="button"
          disabled={!entries.data?.outboxEntries.pageInfo.hasNextPage || entries.isPlaceholderData}
          onClick={() => {
            const end = entries.data?.outboxEntries.pageInfo.endCursor;
            if (end) setCursors((stack) => pushCursor(stack, end));
          }}
          data-testid="outbox-next"
        >
          Older →
        </button>
      </div>
    </section>
  );
}
