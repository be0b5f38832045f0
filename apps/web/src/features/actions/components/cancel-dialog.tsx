import { useState } from 'react';
import { openUnits } from '@order-hub/rules';
import { ErrorState } from '@/components/error-state';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { useCancelOrderLines } from '../api/actions.hooks';
import {
  buyerRequestedCancel,
  buyerRequestOnlyReasons,
  cancellationReasons,
  cancelsWholeItems,
  chosenQuantities,
  liveCancellationViolations,
} from '../lib/line-actions';
import { hasBlock, mergeViolations, violationsByField, violationsOfError } from '../lib/violation-fields';
import type { ActionOutcome } from './action-outcome';
import { ActionDialog } from './action-dialog';
import { ViolationList } from './violation-list';

interface CancelDialogProps {
  order: OrderDetail;
  onClose: () => void;
  onDone: (outcome: ActionOutcome) => void;
}

/** Cancels open units with one of the channel's current reasons; some channels (Amazon) cancel whole items only. */
export function CancelDialog({ order, onClose, onDone }: CancelDialogProps) {
  const buyerAsked = buyerRequestedCancel(order);
  const reasons = cancellationReasons(order.channel, buyerAsked);
  const buyerOnly = buyerRequestOnlyReasons(order.channel);
  const wholeItems = cancelsWholeItems(order, new Date());
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(order.lines.map((line) => [line.lineNumber, '0'])),
  );
  const [reason, setReason] = useState('');
  const cancel = useCancelOrderLines();
  const submitted = violationsOfError(cancel.error);
  const all = mergeViolations(submitted, liveCancellationViolations(order, quantities, reason, new Date()));
  const lines = chosenQuantities(quantities);
  const v = violationsByField(
    all,
    lines.map((line) => line.lineNumber),
    ['lines'],
  );
  // Every line's reason is the one select.
  const reasonViolations = Object.values(v)
    .flat()
    .filter((violation) => violation.field.endsWith('.reason'));
  const blocked = hasBlock(all);

  const setQuantity = (lineNumber: string, value: string) => {
    if (cancel.isError) cancel.reset();
    setQuantities((current) => ({ ...current, [lineNumber]: value }));
  };
  const submit = () =>
    cancel.mutate(
      { orderId: order.id, expectedVersion: order.version, reason, lines },
      {
        onSuccess: ({ cancelOrderLines }) => {
          onDone({
            title: 'Cancellation queued.',
            outbox: cancelOrderLines.outbox,
            warnings: cancelOrderLines.warnings,
          });
          onClose();
        },
      },
    );
  const formError = cancel.isError && submitted.length === 0 ? cancel.error : null;

  return (
    <ActionDialog title={`Cancel lines of ${order.channelOrderId}`} testId="cancel-dialog" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!blocked) submit();
        }}
      >
        <table className="grid compact">
          <thead>
            <tr>
              <th>#</th>
              <th>SKU</th>
              <th className="num">Open</th>
              <th className="num">Cancel</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => {
              const open = openUnits(line);
              return (
                <tr key={line.id} data-testid="cancel-line" data-line-number={line.lineNumber}>
                  <td>{line.lineNumber}</td>
                  <td className="mono">{line.sku}</td>
                  <td className="num">{open}</td>
                  <td className="num">
                    {wholeItems ? (
                      <input
                        type="checkbox"
                        disabled={open === 0}
                        checked={quantities[line.lineNumber] !== '0'}
                        onChange={(event) => setQuantity(line.lineNumber, event.target.checked ? String(open) : '0')}
                        aria-label={`Cancel line ${line.lineNumber}`}
                        data-testid="cancel-line-check"
                      />
                    ) : (
                      <input
                        type="number"
                        className="qty"
                        min={0}
                        max={open}
                        disabled={open === 0}
                        value={quantities[line.lineNumber] ?? ''}
                        onChange={(event) => setQuantity(line.lineNumber, event.target.value)}
                        aria-label={`Units of line ${line.lineNumber} to cancel`}
                        data-testid="cancel-quantity"
                      />
                    )}
                    <ViolationList
                      violations={v[`line:${line.lineNumber}`]?.filter(
                        (violation) => !violation.field.endsWith('.reason'),
                      )}
                      testId="violations-line"
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <label className="field">
          <span>Reason</span>
          <select value={reason} onChange={(event) => setReason(event.target.value)} data-testid="cancel-reason">
            <option value="">Choose a reason…</option>
            {reasons.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
          {reason !== '' && <ViolationList violations={reasonViolations} testId="violations-reason" />}
        </label>
        {buyerAsked && (
          <p className="notice" data-testid="cancel-buyer-requested">
            The buyer asked to cancel
            {buyerOnly.length > 0 ? `: ${buyerOnly.join(', ')} ${buyerOnly.length > 1 ? 'are' : 'is'} available.` : '.'}
          </p>
        )}
        {wholeItems && <p className="muted">{order.channel} cancels whole items only.</p>}
        {lines.length > 0 && <ViolationList violations={v.lines} testId="violations-lines" />}
        <ViolationList violations={v.form} testId="violations-form" />
        {formError && <ErrorState title="Not cancelled" error={formError} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="danger" disabled={blocked || cancel.isPending} data-testid="cancel-submit">
            {cancel.isPending ? 'Cancelling…' : 'Cancel lines'}
          </button>
        </div>
      </form>
    </ActionDialog>
  );
}
