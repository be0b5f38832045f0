import { formatCompactJson, formatPreciseDateTime } from '@/lib/format';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import type { OutboxEntryView } from '@/features/shared/api/outbox-entry.graphql';
import { mergeTimeline, type TimelineNote } from '../lib/timeline';
import { OutboxStatusBadge } from '@/features/shared/components/outbox-status-badge';
import { formatActor } from '@/lib/actor-format';

/**
 * What happened to the order: audit events and channel calls with each delivery attempt, and what other parts of the
 * hub tell of it (`notes`: its returns), oldest first.
 */
export function OrderTimeline({ order, notes = [] }: { order: OrderDetail; notes?: readonly TimelineNote[] }) {
  const items = mergeTimeline(order.auditEvents, order.outbox, notes);
  return (
    <section className="panel" data-testid="order-timeline">
      <h2>Timeline</h2>
      {items.length === 0 ? (
        <p className="muted">No events.</p>
      ) : (
        <ol className="timeline">
          {items.map((item) =>
            item.kind === 'audit' ? (
              <li key={item.id} className="timeline-item audit" data-testid="audit-event">
                <time dateTime={item.at}>{formatPreciseDateTime(item.at)}</time>
                <div>
                  <strong>{item.event.action}</strong> <span className="muted">by {formatActor(item.event.actor)}</span>
                  <div className="json">
                    {formatCompactJson(item.event.before)} → {formatCompactJson(item.event.after)}
                  </div>
                </div>
              </li>
            ) : item.kind === 'note' ? (
              <li key={item.id} className="timeline-item note" data-testid="timeline-note">
                <time dateTime={item.at}>{formatPreciseDateTime(item.at)}</time>
                <div>{item.text}</div>
              </li>
            ) : (
              <OutboxItem key={item.id} entry={item.entry} />
            ),
          )}
        </ol>
      )}
    </section>
  );
}

function OutboxItem({ entry }: { entry: OutboxEntryView }) {
  return (
    <li
      className="timeline-item outbox"
      data-testid="timeline-outbox"
      data-operation={entry.operation}
      data-status={entry.status}
    >
      <time dateTime={entry.createdAt}>{formatPreciseDateTime(entry.createdAt)}</time>
      <div>
        <strong>{entry.operation}</strong> <OutboxStatusBadge status={entry.status} />{' '}
        <span className="muted">
          by {formatActor(entry.createdBy)} · {entry.attempts} attempt{entry.attempts === 1 ? '' : 's'}
          {entry.deliveredAt && ` · delivered ${formatPreciseDateTime(entry.deliveredAt)}`}
        </span>
        {entry.lastError && entry.status !== 'DELIVERED' && (
          <div className="field-error" data-testid="outbox-last-error">
            {entry.lastErrorCode && <code>{entry.lastErrorCode}</code>} {entry.lastError}
          </div>
        )}
        {entry.discardReason && <div className="muted">Discarded: {entry.discardReason}</div>}
        {entry.attemptLog.length > 0 && (
          <table className="grid compact attempts" data-testid="outbox-attempts">
            <thead>
              <tr>
                <th>#</th>
                <th>Started</th>
                <th className="num">HTTP</th>
                <th className="num">ms</th>
                <th>Outcome</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {entry.attemptLog.map((attempt) => (
                <tr key={attempt.attempt} data-testid="outbox-attempt" data-outcome={attempt.outcome}>
                  <td>{attempt.attempt}</td>
                  <td>{formatPreciseDateTime(attempt.startedAt)}</td>
                  <td className="num">{attempt.responseStatus ?? '—'}</td>
                  <td className="num">{attempt.durationMs}</td>
                  <td>{attempt.outcome}</td>
                  <td>{attempt.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </li>
  );
}
