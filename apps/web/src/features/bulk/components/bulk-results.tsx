import { Link } from 'react-router';
import type { BulkResultFieldsFragment, Channel } from '@/gql/graphql';
import { orderPath } from '@/features/orders/lib/order-path';

interface BulkResultsProps {
  /** Past tense of what was done: "acknowledged", "shipped", "cancelled", "routed to MCF". */
  done: string;
  result: BulkResultFieldsFragment;
  /** Each order's channel, to link to its readable address. */
  channels: ReadonlyMap<string, Channel>;
  onDismiss: () => void;
}

/** "12 acknowledged, 2 failed", then each failure in words with a link to its order. */
export function BulkResults({ done, result, channels, onDismiss }: BulkResultsProps) {
  const failures = result.results.filter((r) => !r.ok);
  const notes = result.results.filter((r) => r.ok && r.message);
  return (
    <div className="bulk-results" role="status" data-testid="bulk-results">
      <p>
        <strong data-testid="bulk-summary">
          {result.succeeded} {done}
          {result.failed > 0 && `, ${result.failed} failed`}
        </strong>{' '}
        <button type="button" className="link" onClick={onDismiss} data-testid="bulk-results-dismiss">
          Dismiss
        </button>
      </p>
      {failures.length > 0 && (
        <ul className="bulk-failures" data-testid="bulk-failures">
          {failures.map((r) => (
            <li key={r.orderId} data-testid="bulk-failure" data-order-id={r.orderId}>
              <OrderLink orderId={r.orderId} channelOrderId={r.channelOrderId} channel={channels.get(r.orderId)} />:{' '}
              <span title={r.code ?? undefined}>{r.message}</span>
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul className="bulk-notes">
          {notes.map((r) => (
            <li key={r.orderId} data-testid="bulk-note">
              <OrderLink orderId={r.orderId} channelOrderId={r.channelOrderId} channel={channels.get(r.orderId)} />:{' '}
              {r.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function OrderLink({
  orderId,
  channelOrderId,
  channel,
}: {
  orderId: string;
  channelOrderId?: string | null;
  channel: Channel | undefined;
}) {
  if (!channelOrderId) return <span className="mono">{orderId}</span>;
  return (
    <Link className="mono" to={channel ? orderPath({ channel, channelOrderId }) : `/orders/${orderId}`}>
      {channelOrderId}
    </Link>
  );
}
