import { useState } from 'react';
import { channelLabel, channelProfile, refundReasonLabel } from '@order-hub/rules';
import { Dialog } from '@/components/dialog';
import { ErrorState } from '@/components/error-state';
import { formatMoney } from '@/lib/format';
import { refundReasons } from '@/features/actions/lib/line-actions';
import { policyOf } from '@/features/actions/lib/shipment-form';
import { hasBlock, mergeViolations, violationsOfError } from '@/features/actions/lib/violation-fields';
import { ViolationList } from '@/features/actions/components/violation-list';
import type { RefundReturnResultView, ReturnView } from '../api/returns.graphql';
import { useRefundReturn } from '../api/returns.hooks';
import {
  centsToDollars,
  initialDrafts,
  liveReturnRefundViolations,
  proposedCents,
  refundPlan,
  refundsByAmount,
  violationsByPlace,
  type RefundDrafts,
} from '../lib/refund-form';
import { unitsLabel } from '../lib/returns-format';

/** The reason an order refund of a return carries unless the operator picks another (Amazon's AdjustmentReason). */
export const DEFAULT_RETURN_REFUND_REASON = 'CustomerReturn';

interface RefundReturnDialogProps {
  ret: ReturnView;
  /** The account's marketplace, for the policy in force (the channel's default when not known). */
  marketplace?: string;
  onClose: () => void;
  onDone: (result: RefundReturnResultView) => void;
}

/**
 * Refunds a return's units: every refundable unit by default. Channels that refund a return as an order refund (Amazon)
 * take an amount per line (proposed from the line's price and tax) and a reason; Walmart's returns refund takes units only
 * and sets the amount itself, which the dialog says. Rules are checked as the operator types and again by the api.
 */
export function RefundReturnDialog({ ret, marketplace, onClose, onDone }: RefundReturnDialogProps) {
  const byAmount = refundsByAmount(ret.channel);
  const reasons = byAmount ? refundReasons(ret.channel) : [];
  const [drafts, setDrafts] = useState<RefundDrafts>(() => initialDrafts(ret));
  const [reason, setReason] = useState(() =>
    reasons.includes(DEFAULT_RETURN_REFUND_REASON) ? DEFAULT_RETURN_REFUND_REASON : (reasons[0] ?? ''),
  );
  const refund = useRefundReturn();
  const name = channelLabel(ret.channel);

  const plan = refundPlan(ret, drafts);
  const policy = policyOf(ret.channel, marketplace ?? channelProfile(ret.channel).defaultMarketplace, new Date());
  const submitted = violationsOfError(refund.error);
  const live = liveReturnRefundViolations(ret, plan.lines, byAmount ? reason : null, policy);
  const all = mergeViolations(submitted, live);
  const v = violationsByPlace(all, plan.lines);
  const ready = plan.lines.length > 0 && plan.badQuantity.size === 0 && plan.badAmount.size === 0 && !hasBlock(all);
  const formError = refund.isError && submitted.length === 0 ? refund.error : null;

  const edit = (apply: () => void) => {
    if (refund.isError) refund.reset();
    apply();
  };
  const setDraft = (lineNumber: string, change: Partial<RefundDrafts[string]>) =>
    edit(() => setDrafts((current) => ({ ...current, [lineNumber]: { ...current[lineNumber], ...change } })));
  const submit = () =>
    refund.mutate(
      {
        returnId: ret.id,
        expectedVersion: ret.version,
        reason: byAmount ? reason : null,
        lines: plan.lines.map((line) => ({
          returnLineNumber: line.returnLineNumber,
          quantity: line.quantity,
          ...(byAmount && { amountCents: line.amountCents }),
        })),
      },
      { onSuccess: ({ refundReturn }) => onDone(refundReturn) },
    );

  return (
    <Dialog title={`Refund return ${ret.channelReturnId}`} testId="refund-return-dialog" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (ready && !refund.isPending) submit();
        }}
      >
        <p className="muted" data-testid="refund-return-how">
          {byAmount
            ? `${name} refunds the buyer the amounts below, through an order adjustment.`
            : `${name} refunds returned units: it takes no amount and no reason, and pays back what the buyer paid for them. The amounts below are what the hub expects.`}
        </p>
        <div className="table-scroll">
          <table className="grid compact" data-testid="refund-return-lines">
            <thead>
              <tr>
                <th>Line</th>
                <th>Item</th>
                <th>Reason</th>
                <th className="num">Returned</th>
                <th className="num">Units to refund</th>
                <th className="num">{byAmount ? 'Refund ($)' : 'Amount'}</th>
              </tr>
            </thead>
            <tbody>
              {ret.lines.map((line) => {
                const draft = drafts[line.returnLineNumber] ?? { quantity: '0' };
                const open = line.quantityRefundable;
                const quantity = Number(draft.quantity);
                const proposal = Number.isInteger(quantity) && quantity > 0 ? proposedCents(line, quantity) : 0;
                const lineViolations = v[`line:${line.returnLineNumber}`];
                return (
                  <tr key={line.returnLineNumber} data-testid="refund-return-line" data-line={line.returnLineNumber}>
                    <td>{line.returnLineNumber}</td>
                    <td className="wrap">
                      <span className="mono">{line.sku ?? '—'}</span>
                      {line.productName && <div className="muted">{line.productName}</div>}
                    </td>
                    <td className="wrap">{line.reasonLabel}</td>
                    <td className="num">
                      {line.quantity}
                      {line.quantityRefunded > 0 && <div className="muted">{line.quantityRefunded} refunded</div>}
                    </td>
                    <td className="num">
                      {open > 0 ? (
                        <input
                          type="number"
                          min={0}
                          max={open}
                          step={1}
                          className="qty"
                          value={draft.quantity}
                          onChange={(event) => setDraft(line.returnLineNumber, { quantity: event.target.value })}
                          aria-label={`Units to refund on line ${line.returnLineNumber}, at most ${open}`}
                          aria-invalid={plan.badQuantity.has(line.returnLineNumber) || Boolean(lineViolations?.length)}
                          data-testid="refund-return-quantity"
                        />
                      ) : (
                        <span className="muted">
                          {line.quantityRefunded >= line.quantity ? 'Refunded' : 'Refund on its way'}
                        </span>
                      )}
                      {plan.badQuantity.has(line.returnLineNumber) && (
                        <div className="field-error">A whole number of units, 0 to {open}.</div>
                      )}
                    </td>
                    <td className="num">
                      {open <= 0 ? (
                        '—'
                      ) : byAmount ? (
                        <input
                          inputMode="decimal"
                          className="qty"
                          value={draft.amount ?? centsToDollars(proposal)}
                          onChange={(event) => setDraft(line.returnLineNumber, { amount: event.target.value })}
                          aria-label={`Refund for line ${line.returnLineNumber} in dollars`}
                          aria-invalid={plan.badAmount.has(line.returnLineNumber) || Boolean(lineViolations?.length)}
                          data-testid="refund-return-amount"
                        />
                      ) : (
                        <span data-testid="refund-return-proposed">{formatMoney(proposal, ret.currency)}</span>
                      )}
                      {plan.badAmount.has(line.returnLineNumber) && (
                        <div className="field-error">Dollars and cents above zero, e.g. 12.50.</div>
                      )}
                      <ViolationList violations={lineViolations} testId="violations-line" />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {byAmount && (
          <div className="form-grid">
            <label className="field">
              <span>Reason</span>
              <select
                value={reason}
                onChange={(event) => edit(() => setReason(event.target.value))}
                aria-invalid={Boolean(v.reason?.length)}
                data-testid="refund-return-reason"
              >
                {reasons.map((code) => (
                  <option key={code} value={code} title={code}>
                    {refundReasonLabel(code)}
                  </option>
                ))}
              </select>
              <ViolationList violations={v.reason} testId="violations-reason" />
            </label>
          </div>
        )}
        {!byAmount && <ViolationList violations={v.reason} testId="violations-reason" />}
        <ViolationList violations={v.form} testId="violations-form" />
        {formError && <ErrorState title="Not refunded" error={formError} />}
        <p data-testid="refund-return-total">
          {plan.lines.length === 0 ? (
            'Choose the units to refund.'
          ) : (
            <>
              Refund <strong>{unitsLabel(plan.lines.reduce((sum, line) => sum + line.quantity, 0))}</strong>
              {byAmount ? ' for ' : ', about '}
              <strong data-testid="refund-return-total-money">{formatMoney(plan.totalCents, ret.currency)}</strong>. A
              refund cannot be taken back.
            </>
          )}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button
            type="submit"
            className="danger"
            disabled={!ready || refund.isPending}
            data-testid="refund-return-confirm"
          >
            {refund.isPending ? 'Refunding…' : `Refund through ${name}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
