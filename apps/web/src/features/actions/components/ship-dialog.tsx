import { useState } from 'react';
import { linesNeedingCancelOverride, openUnits } from '@order-hub/rules';
import type { PackageType } from '@order-hub/types';
import { ErrorState } from '@/components/error-state';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { useConfirmShipment } from '../api/actions.hooks';
import { initialShipmentForm, type ShipmentFormValues } from '../lib/shipment-form';
import { useShipmentChecks } from '../lib/use-shipment-checks';
import { violationsOfError } from '../lib/violation-fields';
import type { ActionOutcome } from './action-outcome';
import { Dialog } from '@/components/dialog';
import { TrackingFields } from './tracking-fields';
import { ViolationList } from './violation-list';
import { BuyLabelPanel } from '@/features/labels/components/buy-label-panel';

const PACKAGE_TYPES: PackageType[] = ['PARCEL', 'FLAT', 'LETTER'];
const MEASURES = [
  ['weightOz', 'Weight (oz)'],
  ['lengthIn', 'Length (in)'],
  ['widthIn', 'Width (in)'],
  ['heightIn', 'Height (in)'],
] as const;

interface ShipDialogProps {
  order: OrderDetail;
  onClose: () => void;
  onDone: (outcome: ActionOutcome) => void;
}

/** Confirms a shipment: the rules run as the operator types, and Submit waits until no BLOCK remains. */
export function ShipDialog({ order, onClose, onDone }: ShipDialogProps) {
  const [values, setValues] = useState<ShipmentFormValues>(() => initialShipmentForm(order, new Date()));
  const [packageOpen, setPackageOpen] = useState(false);
  const [mode, setMode] = useState<'tracking' | 'label'>('tracking');
  const confirm = useConfirmShipment();
  const submitted = violationsOfError(confirm.error);
  const checks = useShipmentChecks(order, values, { submitted });
  const v = checks.byField;
  const toCancel = linesNeedingCancelOverride(order).filter(
    (line) => Number(values.quantities[line.lineNumber] ?? 0) > 0,
  );
  const needsOverride = toCancel.length > 0 && !values.intentToCancelOverride;

  const change = (patch: Partial<ShipmentFormValues>) => {
    if (confirm.isError) confirm.reset();
    setValues((current) => ({ ...current, ...patch }));
  };
  const submit = () =>
    confirm.mutate(checks.input, {
      onSuccess: ({ confirmShipment }) => {
        onDone({
          title: 'Shipment confirmed; the channel calls are queued.',
          outbox: confirmShipment.outbox,
          warnings: confirmShipment.warnings,
        });
        onClose();
      },
    });
  // RULE_VIOLATION is shown beside the inputs; anything else (CONFLICT, network) above the buttons.
  const formError = confirm.isError && submitted.length === 0 ? confirm.error : null;

  return (
    <Dialog title={`Ship ${order.channelOrderId}`} testId="ship-dialog" onClose={onClose}>
      <div className="segmented" role="group" aria-label="How to ship">
        <button
          type="button"
          aria-pressed={mode === 'tracking'}
          onClick={() => setMode('tracking')}
          data-testid="ship-mode-tracking"
        >
          Enter tracking
        </button>
        <button
          type="button"
          aria-pressed={mode === 'label'}
          onClick={() => setMode('label')}
          data-testid="ship-mode-label"
        >
          Buy label
        </button>
      </div>
      {mode === 'label' ? (
        <BuyLabelPanel order={order} onClose={onClose} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!checks.blocked && !needsOverride) submit();
          }}
        >
          <table className="grid compact" data-testid="ship-lines">
            <thead>
              <tr>
                <th>#</th>
                <th>SKU</th>
                <th className="num">Open</th>
                <th className="num">Ship</th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((line) => (
                <tr key={line.id} data-testid="ship-line" data-line-number={line.lineNumber}>
                  <td>{line.lineNumber}</td>
                  <td className="mono">{line.sku}</td>
                  <td className="num">{openUnits(line)}</td>
                  <td className="num">
                    <input
                      type="number"
                      min={0}
                      max={openUnits(line)}
                      className="qty"
                      value={values.quantities[line.lineNumber] ?? ''}
                      onChange={(event) =>
                        change({ quantities: { ...values.quantities, [line.lineNumber]: event.target.value } })
                      }
                      aria-label={`Units of line ${line.lineNumber} to ship`}
                      data-testid="field-quantity"
                    />
                    <ViolationList violations={v[`line:${line.lineNumber}`]} testId="violations-line" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ViolationList violations={v.lines} testId="violations-lines" />
          {toCancel.length > 0 && (
            <div className="notice cancel-requested-warning" role="alert" data-testid="ship-cancel-requested">
              <p>
                The buyer asked to cancel line{toCancel.length === 1 ? '' : 's'}{' '}
                {toCancel.map((line) => line.lineNumber).join(', ')}. Walmart refuses the shipment unless you confirm
                you ship anyway; otherwise cancel {toCancel.length === 1 ? 'it' : 'them'} instead.
              </p>
              <label className="field checkbox">
                <input
                  type="checkbox"
                  checked={values.intentToCancelOverride}
                  onChange={(event) => change({ intentToCancelOverride: event.target.checked })}
                  data-testid="field-intentToCancelOverride"
                />
                <span>Ship anyway (the buyer asked to cancel)</span>
              </label>
            </div>
          )}
          <div className="form-grid">
            <TrackingFields channel={order.channel} values={values} onChange={change} violations={v} />
            <label className="field">
              <span>Ship date</span>
              <input
                type="datetime-local"
                step={1}
                value={values.shippedAt}
                onChange={(event) => change({ shippedAt: event.target.value })}
                data-testid="field-shippedAt"
              />
              <ViolationList violations={v.shippedAt} testId="violations-shippedAt" />
            </label>
          </div>
          <details
            className="package"
            open={packageOpen}
            onToggle={(event) => setPackageOpen(event.currentTarget.open)}
            data-testid="package-section"
          >
            <summary>Package</summary>
            <div className="form-grid">
              <label className="field">
                <span>Type</span>
                <select
                  value={values.packageType}
                  onChange={(event) => change({ packageType: event.target.value as PackageType })}
                  data-testid="field-packageType"
                >
                  {PACKAGE_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {type.toLowerCase()}
                    </option>
                  ))}
                </select>
                <ViolationList violations={v['package.type']} testId="violations-package.type" />
              </label>
              {MEASURES.map(([key, label]) => (
                <label className="field" key={key}>
                  <span>{label}</span>
                  <input
                    type="number"
                    min={0}
                    step="any"
                    value={values[key]}
                    onChange={(event) => change({ [key]: event.target.value })}
                    data-testid={`field-${key}`}
                  />
                  <ViolationList violations={v[`package.${key}`]} testId={`violations-package.${key}`} />
                </label>
              ))}
            </div>
          </details>
          <ViolationList violations={v.form} testId="violations-form" />
          {formError && <ErrorState title="Not shipped" error={formError} />}
          <div className="dialog-actions">
            <span className="muted" data-testid="server-check">
              {checks.serverChecking
                ? 'Checking with the server…'
                : checks.serverError
                  ? `Server check unavailable: ${checks.serverError.message}`
                  : checks.serverChecked
                    ? 'Checked with the server.'
                    : ''}
            </span>
            <button type="button" onClick={onClose} data-testid="ship-cancel">
              Close
            </button>
            <button
              type="submit"
              className="primary"
              disabled={checks.blocked || needsOverride || confirm.isPending}
              title={
                checks.blocked
                  ? 'Fix the blocked items first.'
                  : needsOverride
                    ? 'The buyer asked to cancel: tick “Ship anyway” or leave those lines out.'
                    : undefined
              }
              data-testid="ship-submit"
            >
              {confirm.isPending ? 'Confirming…' : 'Confirm shipment'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
