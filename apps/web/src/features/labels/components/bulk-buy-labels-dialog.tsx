import { useState } from 'react';
import type { LabelChoice, LabelFormat } from '@/gql/graphql';
import { Dialog } from '@/components/dialog';
import { ErrorState } from '@/components/error-state';
import { useBuyLabels } from '../api/labels.hooks';
import { boughtSummary } from '../lib/label-format';

/** The api buys labels for 1 to 100 orders per request. */
const MAX_ORDERS = 100;

const CHOICES: { value: LabelChoice; label: string; hint: string }[] = [
  { value: 'CHEAPEST', label: 'Cheapest', hint: 'the cheapest rate that meets the promise, else the cheapest' },
  {
    value: 'FASTEST_ON_TIME',
    label: 'Fastest on time',
    hint: 'the earliest delivery that meets ship-by and deliver-by',
  },
];

interface BulkBuyLabelsDialogProps {
  orderIds: readonly string[];
  /** Orders left out because their buyer asked to cancel. */
  leftOut: number;
  onClose: () => void;
}

/** Labels for a selection, each order's package from its preset: a summary, the failures in words, Print all. */
export function BulkBuyLabelsDialog({ orderIds, leftOut, onClose }: BulkBuyLabelsDialogProps) {
  const [choice, setChoice] = useState<LabelChoice>('CHEAPEST');
  const [format, setFormat] = useState<LabelFormat>('PDF');
  const buy = useBuyLabels();
  const result = buy.data?.buyLabels;
  const count = orderIds.length;

  return (
    <Dialog title="Buy labels" testId="bulk-labels-dialog" onClose={onClose} size="small">
      {result ? (
        <section data-testid="bulk-labels-result">
          <p role="status" data-testid="bulk-labels-summary">
            {boughtSummary(result.bought, result.failed.length)}
          </p>
          {result.failed.length > 0 && (
            <ul className="notice warn" data-testid="bulk-labels-failures">
              {result.failed.map((failure) => (
                <li key={failure.orderId} data-testid="bulk-labels-failure" data-order-id={failure.orderId}>
                  <strong>{failure.orderNumber}</strong>: {failure.message}
                </li>
              ))}
            </ul>
          )}
          <div className="dialog-actions">
            {result.documentUrl && result.bought.length > 0 && (
              <a
                className="button primary"
                href={result.documentUrl}
                target="_blank"
                rel="noreferrer"
                data-testid="bulk-labels-print"
              >
                Print all
              </a>
            )}
            <button type="button" onClick={onClose} data-testid="bulk-labels-close">
              Close
            </button>
          </div>
        </section>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (count > 0) buy.mutate({ orderIds: [...orderIds], choice, format });
          }}
        >
          <p>
            Buy a label for each of {count} order{count === 1 ? '' : 's'}, in the package its preset gives.
            {leftOut > 0 && ` ${leftOut} order${leftOut === 1 ? ' is' : 's are'} left out: the buyer asked to cancel.`}
          </p>
          <fieldset>
            <legend>Rate</legend>
            {CHOICES.map((option) => (
              <label className="field checkbox" key={option.value}>
                <input
                  type="radio"
                  name="bulk-label-choice"
                  checked={choice === option.value}
                  onChange={() => setChoice(option.value)}
                  data-testid={`bulk-labels-choice-${option.value}`}
                />
                <span>
                  {option.label} <span className="muted">({option.hint})</span>
                </span>
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>Format</span>
            <select
              value={format}
              onChange={(event) => setFormat(event.target.value as LabelFormat)}
              data-testid="bulk-labels-format"
            >
              <option value="PDF">PDF</option>
              <option value="ZPL">ZPL</option>
              <option value="PNG">PNG</option>
            </select>
          </label>
          {count > MAX_ORDERS && (
            <p className="notice warn" data-testid="bulk-labels-too-many">
              At most {MAX_ORDERS} orders at a time: select fewer.
            </p>
          )}
          {buy.isError && <ErrorState title="No labels bought" error={buy.error} />}
          <div className="dialog-actions">
            <button type="button" onClick={onClose} data-testid="bulk-labels-cancel">
              Cancel
            </button>
            <button
              type="submit"
              className="primary"
              disabled={count === 0 || count > MAX_ORDERS || buy.isPending}
              title={count > MAX_ORDERS ? `At most ${MAX_ORDERS} orders at a time: select fewer.` : undefined}
              data-testid="bulk-labels-buy"
            >
              {buy.isPending ? `Buying ${count} labels…` : `Buy ${count} label${count === 1 ? '' : 's'}`}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
