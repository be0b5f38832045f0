import { useState } from 'react';
import { Dialog, useFocusOnStepBack } from '@/components/dialog';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import type { BulkResultFieldsFragment } from '@/gql/graphql';
import { useBulkCancel, useBulkPreview } from '../api/bulk.hooks';
import { cancelTotals, reasonsByChannel } from '../lib/cancel-totals';
import { targetOf, type BulkScope } from '../lib/bulk-target';

interface BulkCancelDialogProps {
  scope: BulkScope;
  onClose: () => void;
  onDone: (result: BulkResultFieldsFragment) => void;
}

/** Cancels every open unit of the orders with one reason, after a confirmation step with the totals. */
export function BulkCancelDialog({ scope, onClose, onDone }: BulkCancelDialogProps) {
  const target = targetOf(scope);
  const preview = useBulkPreview(target);
  const cancel = useBulkCancel();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const reviewButton = useFocusOnStepBack(confirming);
  const orders = preview.data?.orders ?? [];
  const reasons = reasonsByChannel(orders, new Date());
  const chosen = reasons
    .flatMap((r) => r.choices.map((c) => ({ ...c, channelLabel: r.label })))
    .filter((c) => c.code === reason);
  const totals = reason ? cancelTotals(orders, reasons, reason) : null;
  const several = reasons.length > 1;

  return (
    <Dialog title="Cancel orders" testId="bulk-cancel-dialog" onClose={onClose} size="small">
      {preview.isPending && <Loading />}
      {preview.isError && <ErrorState title="The orders could not be read" error={preview.error} />}
      {preview.data && !confirming && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (reason) setConfirming(true);
          }}
        >
          <p>
            Every open unit of {orders.length === 1 ? 'this order' : `these ${orders.length} orders`} is cancelled with
            one reason.
          </p>
          <label className="field">
            <span>Reason</span>
            <select
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              data-testid="bulk-cancel-reason"
            >
              <option value="">Choose a reason…</option>
              {reasons.map((r) =>
                several ? (
                  <optgroup key={r.channel} label={r.label}>
                    {r.choices.map((c) => (
                      <option key={c.code} value={c.code} title={c.code}>
                        {c.label}
                      </option>
                    ))}
                  </optgroup>
                ) : (
                  r.choices.map((c) => (
                    <option key={c.code} value={c.code} title={c.code}>
                      {c.label}
                    </option>
                  ))
                ),
              )}
            </select>
          </label>
          {chosen.map((c) => (
            <p key={c.channelLabel} className="muted" data-testid="bulk-cancel-effect">
              {several && `${c.channelLabel}: `}
              {c.effect}
            </p>
          ))}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Keep the orders
            </button>
            <button
              type="submit"
              className="danger"
              disabled={!reason}
              data-testid="bulk-cancel-next"
              ref={reviewButton}
            >
              Review…
            </button>
          </div>
        </form>
      )}
      {preview.data && confirming && totals && (
        <div data-testid="bulk-cancel-confirm">
          <p>
            Cancel{' '}
            <strong data-testid="bulk-cancel-totals">
              {totals.orders} {totals.orders === 1 ? 'order' : 'orders'}, {totals.units}{' '}
              {totals.units === 1 ? 'unit' : 'units'}, {totals.value}
            </strong>{' '}
            as “{chosen[0]?.label}”? The channel is told at once; this cannot be undone.
          </p>
          {totals.refused > 0 && (
            <p className="warn" data-testid="bulk-cancel-refused">
              {totals.refused} {totals.refused === 1 ? 'order is' : 'orders are'} on a channel without this reason and
              will be refused.
            </p>
          )}
          {cancel.isError && <ErrorState title="Nothing was cancelled" error={cancel.error} />}
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirming(false)} disabled={cancel.isPending}>
              Back
            </button>
            <button
              type="button"
              className="danger"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate({ target, reason }, { onSuccess: onDone })}
              data-testid="bulk-cancel-confirm-button"
            >
              {cancel.isPending ? 'Cancelling…' : `Cancel ${scopeWord(totals.orders + totals.refused)}`}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

const scopeWord = (n: number) => (n === 1 ? '1 order' : `${n} orders`);
