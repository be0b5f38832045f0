import { useState } from 'react';
import { cancelReasonChoices, channelLabel, openUnits } from '@order-hub/rules';
import { Dialog, useFocusOnStepBack } from '@/components/dialog';
import { ErrorState } from '@/components/error-state';
import { formatMoney } from '@/lib/format';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { useCancelOrderLines } from '../api/actions.hooks';
import {
  buyerRequestedCancel,
  cancelsWholeItems,
  chosenQuantities,
  chosenTotals,
  liveCancellationViolations,
} from '../lib/line-actions';
import { hasBlock, mergeViolations, violationsByField, violationsOfError } from '../lib/violation-fields';
import type { ActionOutcome } from './action-outcome';
import { ViolationList } from './violation-list';

interface CancelDialogProps {
  order: OrderDetail;
  onClose: () => void;
  onDone: (outcome: ActionOutcome) => void;
}

/**
 * Cancels open units with one of the channel's current reasons, each in words with what it does to the seller's
 * metrics; some channels (Amazon) cancel whole items only. A second step shows the units and their price before sending.
 */
export function CancelDialog({ order, onClose, onDone }: CancelDialogProps) {
  const buyerAsked = buyerRequestedCancel(order);
  const choices = cancelReasonChoices(order.channel, {
    buyerAskedToCancel: buyerAsked,
    marketplace: order.account.marketplace,
  });
  const [confirming, setConfirming] = useState(false);
  const reviewButton = useFocusOnStepBack(confirming);
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
  const chosen = choices.find((choice) => choice.code === reason);
  const totals = chosenTotals(order, lines);

  const setQuantity = (lineNumber: string, value: string) => {
    if (cancel.isError) cancel.reset();
    setConfirming(false);
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
  const title = `Cancel lines of ${order.channelOrderId}`;

  if (confirming && chosen) {
    return (
      <Dialog title={title} testId="cancel-dialog" onClose={onClose} size="small">
        <div className="confirm-step" data-testid="cancel-confirmation">
          <p>
            Cancel <strong data-testid="cancel-total-units">{unitsText(totals.units)}</strong> on{' '}
            {totals.lines === 1 ? 'one line' : `${totals.lines} lines`}, worth{' '}
            <strong data-testid="cancel-total-money">{formatMoney(totals.cents, totals.currency)}</strong> before tax
            and shipping, with the reason <strong title={chosen.code}>{chosen.label}</strong>?
          </p>
          <p className={chosen.counts ? 'notice warn' : 'notice'} data-testid="cancel-confirm-effect">
            {chosen.effect}
          </p>
          <p className="muted">{channelLabel(order.channel)} is told at once; a cancel cannot be taken back.</p>
          {formError && <ErrorState title="Not cancelled" error={formError} />}
          <ViolationList violations={submitted} testId="violations-form" />
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirming(false)} data-testid="cancel-back">
              Back
            </button>
            <button
              type="button"
              className="danger"
              autoFocus
              disabled={cancel.isPending}
              onClick={submit}
              data-testid="cancel-confirm"
            >
              {cancel.isPending ? 'Cancelling…' : `Cancel ${unitsText(totals.units)}`}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={title} testId="cancel-dialog" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!blocked && chosen) setConfirming(true);
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
          <select
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-describedby="cancel-reason-effect"
            data-testid="cancel-reason"
          >
            <option value="">Choose a reason…</option>
            {choices.map((choice) => (
              <option key={choice.code} value={choice.code} title={choice.code}>
                {choice.label} — {choice.summary}
              </option>
            ))}
          </select>
          <span id="cancel-reason-effect" className="hint" data-testid="cancel-reason-effect">
            {chosen?.effect ?? ''}
          </span>
          {reason !== '' && <ViolationList violations={reasonViolations} testId="violations-reason" />}
        </label>
        {buyerAsked && (
          <p className="notice" data-testid="cancel-buyer-requested">
            The buyer asked to cancel: “{choices.find((choice) => !choice.counts)?.label ?? 'Customer asked to cancel'}”
            is available and does not count against you.
          </p>
        )}
        {wholeItems && <p className="muted">{channelLabel(order.channel)} cancels whole items only.</p>}
        {lines.length > 0 && <ViolationList violations={v.lines} testId="violations-lines" />}
        <ViolationList violations={v.form} testId="violations-form" />
        {formError && <ErrorState title="Not cancelled" error={formError} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button
            type="submit"
            className="danger"
            disabled={blocked || !chosen || totals.units === 0}
            data-testid="cancel-submit"
            ref={reviewButton}
          >
            Review cancel…
          </button>
        </div>
      </form>
    </Dialog>
  );
}

const unitsText = (units: number) => (units === 1 ? '1 unit' : `${units} units`);
