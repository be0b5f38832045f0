import { useState } from 'react';
import { channelLabel, refundReasonLabel } from '@order-hub/rules';
import { Dialog, useFocusOnStepBack } from '@/components/dialog';
import { ErrorState } from '@/components/error-state';
import { formatMoney } from '@/lib/format';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { useRefundOrderLines } from '../api/actions.hooks';
import { dollarsToCents, liveRefundViolations, refundReasons } from '../lib/line-actions';
import { hasBlock, mergeViolations, violationsByField, violationsOfError } from '../lib/violation-fields';
import type { ActionOutcome } from './action-outcome';
import { ViolationList } from './violation-list';

interface RefundDialogProps {
  order: OrderDetail;
  onClose: () => void;
  onDone: (outcome: ActionOutcome) => void;
}

/**
 * Refunds shipped lines: an amount in dollars per line, one reason, full or partial. An amount above what is left of
 * the line's charge is flagged beside it while it is typed; a second step shows the total before sending.
 */
export function RefundDialog({ order, onClose, onDone }: RefundDialogProps) {
  const [confirming, setConfirming] = useState(false);
  const reviewButton = useFocusOnStepBack(confirming);
  const shipped = order.lines.filter((line) => line.quantityShipped > 0);
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [fullRefund, setFullRefund] = useState(false);
  const [comments, setComments] = useState('');
  const refund = useRefundOrderLines();

  const chosen = shipped.filter((line) => (amounts[line.lineNumber] ?? '').trim() !== '');
  const lines = chosen.map((line) => ({
    lineNumber: line.lineNumber,
    amountCents: dollarsToCents(amounts[line.lineNumber]),
    reason,
    isFullRefund: fullRefund,
  }));
  const badAmounts = new Set(lines.filter((line) => !(line.amountCents > 0)).map((line) => line.lineNumber));
  const submitted = violationsOfError(refund.error);
  // Amount checks only: the reason is one select, checked when it is chosen.
  const live = liveRefundViolations(order, lines, new Date()).filter(
    (violation) => !violation.field.endsWith('.reason') && !badAmounts.has(lineAt(lines, violation.field)),
  );
  const all = mergeViolations(submitted, live);
  const v = violationsByField(
    all,
    lines.map((line) => line.lineNumber),
    ['lines', 'comments'],
  );
  const ready = lines.length > 0 && badAmounts.size === 0 && reason !== '' && !hasBlock(all);
  const totalCents = lines.reduce((sum, line) => sum + (line.amountCents > 0 ? line.amountCents : 0), 0);
  const currency = shipped[0]?.unitPrice.currency ?? 'USD';

  const edit = (apply: () => void) => {
    if (refund.isError) refund.reset();
    setConfirming(false);
    apply();
  };
  const submit = () =>
    refund.mutate(
      { orderId: order.id, expectedVersion: order.version, comments: comments.trim() || null, lines },
      {
        onSuccess: ({ refundOrderLines }) => {
          onDone({ title: 'Refund queued.', outbox: refundOrderLines.outbox, warnings: refundOrderLines.warnings });
          onClose();
        },
      },
    );
  const formError = refund.isError && submitted.length === 0 ? refund.error : null;
  const title = `Refund ${order.channelOrderId}`;

  if (confirming) {
    return (
      <Dialog title={title} testId="refund-dialog" onClose={onClose} size="small">
        <div className="confirm-step" data-testid="refund-confirmation">
          <p>
            Refund <strong data-testid="refund-total-money">{formatMoney(totalCents, currency)}</strong> on{' '}
            {lines.length === 1 ? 'one line' : `${lines.length} lines`}
            {fullRefund ? ' (full refund: item, tax and shipping)' : ''}, with the reason{' '}
            <strong title={reason}>{refundReasonLabel(reason)}</strong>?
          </p>
          <table className="grid compact">
            <tbody>
              {lines.map((line) => (
                <tr key={line.lineNumber}>
                  <td>Line {line.lineNumber}</td>
                  <td className="num">{formatMoney(line.amountCents, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            {channelLabel(order.channel)} pays the buyer back; a refund cannot be taken back, and it counts in your
            refund rate.
          </p>
          {formError && <ErrorState title="Not refunded" error={formError} />}
          <ViolationList violations={submitted} testId="violations-form" />
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirming(false)} data-testid="refund-back">
              Back
            </button>
            <button
              type="button"
              className="danger"
              autoFocus
              disabled={refund.isPending}
              onClick={submit}
              data-testid="refund-confirm"
            >
              {refund.isPending ? 'Refunding…' : `Refund ${formatMoney(totalCents, currency)}`}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={title} testId="refund-dialog" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) setConfirming(true);
        }}
      >
        {shipped.length === 0 ? (
          <p className="muted">Nothing has shipped yet: cancel open units instead.</p>
        ) : (
          <table className="grid compact">
            <thead>
              <tr>
                <th>#</th>
                <th>SKU</th>
                <th className="num">Shipped</th>
                <th className="num">Unit price</th>
                <th className="num">Left to refund</th>
                <th className="num">Refund ($)</th>
              </tr>
            </thead>
            <tbody>
              {shipped.map((line) => (
                <tr key={line.id} data-testid="refund-line" data-line-number={line.lineNumber}>
                  <td>{line.lineNumber}</td>
                  <td className="mono">{line.sku}</td>
                  <td className="num">{line.quantityShipped}</td>
                  <td className="num">{formatMoney(line.unitPrice.amountCents, line.unitPrice.currency)}</td>
                  <td className="num" data-testid="refund-left">
                    {line.charge
                      ? formatMoney(
                          Math.max(0, line.charge.amountCents - line.refunded.amountCents),
                          line.charge.currency,
                        )
                      : 'not known'}
                  </td>
                  <td className="num">
                    <input
                      inputMode="decimal"
                      className="qty"
                      placeholder="0.00"
                      value={amounts[line.lineNumber] ?? ''}
                      onChange={(event) =>
                        edit(() => setAmounts((current) => ({ ...current, [line.lineNumber]: event.target.value })))
                      }
                      aria-invalid={badAmounts.has(line.lineNumber) || Boolean(v[`line:${line.lineNumber}`]?.length)}
                      aria-label={`Refund for line ${line.lineNumber} in dollars`}
                      data-testid="refund-amount"
                    />
                    {badAmounts.has(line.lineNumber) && (
                      <div className="field-error">Dollars and cents above zero, e.g. 12.50.</div>
                    )}
                    <ViolationList violations={v[`line:${line.lineNumber}`]} testId="violations-line" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="form-grid">
          <label className="field">
            <span>Reason</span>
            <select
              value={reason}
              onChange={(event) => edit(() => setReason(event.target.value))}
              data-testid="refund-reason"
            >
              <option value="">Choose a reason…</option>
              {refundReasons(order.channel).map((code) => (
                <option key={code} value={code} title={code}>
                  {refundReasonLabel(code)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Comments</span>
            <input
              value={comments}
              onChange={(event) => edit(() => setComments(event.target.value))}
              data-testid="refund-comments"
            />
          </label>
          <label className="field checkbox">
            <input
              type="checkbox"
              checked={fullRefund}
              onChange={(event) => edit(() => setFullRefund(event.target.checked))}
              data-testid="refund-full"
            />
            <span>Full refund (item, tax and shipping)</span>
          </label>
        </div>
        <ViolationList
          violations={[...(v.lines ?? []), ...(v.form ?? []), ...(v.comments ?? [])]}
          testId="violations-form"
        />
        {formError && <ErrorState title="Not refunded" error={formError} />}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="danger" disabled={!ready} data-testid="refund-submit" ref={reviewButton}>
            Review refund…
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** "lines[2].amountCents" → the line number of the third requested line. */
function lineAt(lines: readonly { lineNumber: string }[], field: string): string {
  const index = /^lines\[(\d+)\]/.exec(field)?.[1];
  return index === undefined ? '' : (lines[Number(index)]?.lineNumber ?? '');
}
