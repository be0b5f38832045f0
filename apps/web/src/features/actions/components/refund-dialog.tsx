import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { formatMoney } from '@/lib/format';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { useRefundOrderLines } from '../api/actions.hooks';
import { dollarsToCents, refundReasons } from '../lib/line-actions';
import { violationsByField, violationsOfError } from '../lib/violation-fields';
import type { ActionOutcome } from './action-outcome';
import { ActionDialog } from './action-dialog';
import { ViolationList } from './violation-list';

interface RefundDialogProps {
  order: OrderDetail;
  onClose: () => void;
  onDone: (outcome: ActionOutcome) => void;
}

/** Refunds shipped Walmart lines: an amount in dollars per line, one reason, full or partial. */
export function RefundDialog({ order, onClose, onDone }: RefundDialogProps) {
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
  const v = violationsByField(
    submitted,
    lines.map((line) => line.lineNumber),
    ['lines', 'comments'],
  );
  const ready = lines.length > 0 && badAmounts.size === 0 && reason !== '';

  const edit = (apply: () => void) => {
    if (refund.isError) refund.reset();
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

  return (
    <ActionDialog title={`Refund ${order.channelOrderId}`} testId="refund-dialog" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) submit();
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
                  <td className="num">
                    <input
                      inputMode="decimal"
                      className="qty"
                      placeholder="0.00"
                      value={amounts[line.lineNumber] ?? ''}
                      onChange={(event) =>
                        edit(() => setAmounts((current) => ({ ...current, [line.lineNumber]: event.target.value })))
                      }
                      aria-invalid={badAmounts.has(line.lineNumber)}
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
                <option key={code} value={code}>
                  {code}
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
          <button type="submit" className="danger" disabled={!ready || refund.isPending} data-testid="refund-submit">
            {refund.isPending ? 'Refunding…' : 'Refund'}
          </button>
        </div>
      </form>
    </ActionDialog>
  );
}
