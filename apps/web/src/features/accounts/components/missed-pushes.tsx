import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { formatZonedDateTime } from '@/lib/format';
import type { PushStatusView } from '../api/push.graphql';
import { useMissedPushes } from '../api/push.hooks';

interface MissedPushesProps {
  accountId: string;
  push: Pick<PushStatusView, 'missedToday' | 'missedLast7Days'>;
  /** The account's IANA zone: the times are the account's. */
  timeZone: string;
}

/**
 * Orders a poll found that no push announced, in amber: each a link to its order, listed on demand. Nothing when
 * none were missed in the last 7 days.
 */
export function MissedPushes({ accountId, push, timeZone }: MissedPushesProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const missed = useMissedPushes(accountId, open);
  if (push.missedLast7Days === 0) return null;
  const nodes = missed.data?.missedPushes.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="missed-pushes" data-testid="missed-pushes">
      <button
        type="button"
        className="link badge badge-warn"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        data-testid="missed-pushes-toggle"
      >
        {push.missedToday} missed today · {push.missedLast7Days} in 7 days: orders polling found that no push announced
      </button>
      {open && (
        <div id={listId}>
          {missed.isPending && <Loading label="Loading missed pushes…" />}
          {missed.isError && (
            <ErrorState title="Missed pushes not loaded" error={missed.error} onRetry={() => void missed.refetch()} />
          )}
          {missed.data && (
            <ul className="missed-push-list" data-testid="missed-push-list">
              {nodes.map((node) => (
                <li key={node.channelOrderId} data-testid="missed-push">
                  {node.orderId ? (
                    <Link to={`/orders/${node.orderId}`} data-testid="missed-push-order">
                      {node.channelOrderId}
                    </Link>
                  ) : (
                    <span className="mono" data-testid="missed-push-order">
                      {node.channelOrderId}
                    </span>
                  )}{' '}
                  <span className="muted">
                    found{' '}
                    <time dateTime={node.foundAt} data-testid="missed-push-found">
                      {formatZonedDateTime(node.foundAt, timeZone)}
                    </time>
                    {node.orderedAt && (
                      <>
                        , ordered <time dateTime={node.orderedAt}>{formatZonedDateTime(node.orderedAt, timeZone)}</time>
                      </>
                    )}
                  </span>
                </li>
              ))}
              {missed.data.missedPushes.pageInfo.hasNextPage && (
                <li className="muted">The {nodes.length} most recent are shown.</li>
              )}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
