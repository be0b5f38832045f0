import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { OrderRow } from '@/features/shared/api/orders.graphql';
import { useAcknowledgeOrders } from '../api/actions.hooks';
import { actionDeniedReason } from '../lib/action-permissions';

interface BulkAcknowledgeProps {
  /** The selected orders, as the inbox shows them. */
  selected: readonly OrderRow[];
  onDone: () => void;
}

/** "Acknowledge selected" for the inbox, and what became of each order. */
export function BulkAcknowledge({ selected, onDone }: BulkAcknowledgeProps) {
  const me = useMe();
  const denied = actionDeniedReason(me.data?.me.role);
  const acknowledge = useAcknowledgeOrders();
  // The order numbers as sent: acknowledged orders leave the New view, and their rows with it.
  const [sentNumbers, setSentNumbers] = useState<ReadonlyMap<string, string>>(new Map());
  const results = acknowledge.data?.acknowledgeOrders ?? [];

  return (
    <div className="bulk-bar" data-testid="bulk-acknowledge">
      <button
        type="button"
        className="primary"
        disabled={selected.length === 0 || denied !== null || acknowledge.isPending}
        title={denied ?? (selected.length === 0 ? 'Select orders first.' : undefined)}
        onClick={() => {
          setSentNumbers(new Map(selected.map((order) => [order.id, order.channelOrderId])));
          acknowledge.mutate(
            selected.map((order) => order.id),
            { onSuccess: onDone },
          );
        }}
        data-testid="acknowledge-selected"
      >
        {acknowledge.isPending ? 'Acknowledging…' : `Acknowledge selected (${selected.length})`}
      </button>
      {acknowledge.isError && <ErrorState title="Not acknowledged" error={acknowledge.error} />}
      {results.length > 0 && (
        <table className="grid compact" data-testid="acknowledge-results">
          <thead>
            <tr>
              <th>Order</th>
              <th>Outcome</th>
              <th>Message</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={result.orderId} data-testid="acknowledge-result" data-outcome={result.outcome}>
                <td className="mono">{sentNumbers.get(result.orderId) ?? result.orderId}</td>
                <td className={result.outcome === 'REFUSED' ? 'bad' : result.outcome === 'QUEUED' ? 'ok' : ''}>
                  {result.outcome}
                </td>
                <td>{result.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
