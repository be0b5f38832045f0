import { useMemo, useState } from 'react';
import { carrierNamed } from '@order-hub/rules';
import { isCarrierCode } from '@order-hub/types';
import { ErrorState } from '@/components/error-state';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { useUpdateTracking } from '../api/actions.hooks';
import { type ShipmentFormValues, toLocalInput } from '../lib/shipment-form';
import { useShipmentChecks } from '../lib/use-shipment-checks';
import { violationsOfError } from '../lib/violation-fields';
import type { ActionOutcome } from './action-outcome';
import { Dialog } from '@/components/dialog';
import { TrackingFields } from './tracking-fields';
import { ViolationList } from './violation-list';

type Shipment = OrderDetail['shipments'][number];

/**
 * The shipment as the form holds it: its carrier (the hub's code, else the code the channel's name stands
 * for, else Other with that name), lines and date.
 */
export function formOfShipment(shipment: Shipment): ShipmentFormValues {
  const code =
    shipment.carrierCode && isCarrierCode(shipment.carrierCode) ? shipment.carrierCode : carrierNamed(shipment.carrier);
  return {
    quantities: Object.fromEntries(shipment.lines.map((line) => [line.lineNumber, String(line.quantity)])),
    carrier: code ?? 'OTHER',
    carrierName: code ? '' : shipment.carrier,
    service: shipment.service ?? '',
    trackingNumber: shipment.trackingNumber ?? '',
    trackingUrl: shipment.trackingUrl ?? '',
    shippedAt: toLocalInput(new Date(shipment.shippedAt)),
    packageType: shipment.packageType,
    weightOz: shipment.weightOz?.toString() ?? '',
    lengthIn: shipment.lengthIn?.toString() ?? '',
    widthIn: shipment.widthIn?.toString() ?? '',
    heightIn: shipment.heightIn?.toString() ?? '',
    // A correction re-sends tracking for units already shipped; the buyer's cancel request no longer applies.
    intentToCancelOverride: false,
  };
}

/** When the channel got the shipment: its SHIP outbox row's delivery (or creation), else its ship date. */
export function confirmedAtOf(order: OrderDetail, shipment: Shipment): Date {
  const ship = order.outbox.find((entry) => entry.operation === 'SHIP' && entry.shipmentId === shipment.id);
  return new Date(ship?.deliveredAt ?? ship?.createdAt ?? shipment.shippedAt);
}

interface FixTrackingDialogProps {
  order: OrderDetail;
  shipment: Shipment;
  onClose: () => void;
  onDone: (outcome: ActionOutcome) => void;
}

/** Corrects the carrier and tracking of a confirmed shipment, with the same live checks as shipping. */
export function FixTrackingDialog({ order, shipment, onClose, onDone }: FixTrackingDialogProps) {
  const [values, setValues] = useState(() => formOfShipment(shipment));
  const update = useUpdateTracking();
  const submitted = violationsOfError(update.error);
  const existing = useMemo(
    () => ({ shipmentId: shipment.id, confirmedAt: confirmedAtOf(order, shipment) }),
    [order, shipment],
  );
  const checks = useShipmentChecks(order, values, { existing, submitted });
  const v = checks.byField;

  const change = (patch: Partial<ShipmentFormValues>) => {
    if (update.isError) update.reset();
    setValues((current) => ({ ...current, ...patch }));
  };
  const submit = () =>
    update.mutate(
      {
        shipmentId: shipment.id,
        input: {
          carrier: checks.input.carrier,
          carrierName: checks.input.carrierName ?? null,
          service: checks.input.service ?? null,
          trackingNumber: checks.input.trackingNumber,
          trackingUrl: checks.input.trackingUrl ?? null,
        },
      },
      {
        onSuccess: ({ updateTracking }) => {
          onDone({
            title: 'Tracking corrected; the update is queued.',
            outbox: updateTracking.outbox,
            warnings: updateTracking.warnings,
          });
          onClose();
        },
      },
    );
  const formError = update.isError && submitted.length === 0 ? update.error : null;
  // Lines, date and package are not edited here: what the rules say about them belongs to the form.
  const other = [
    ...(v.form ?? []),
    ...(v.shippedAt ?? []),
    ...Object.entries(v)
      .filter(([key]) => key.startsWith('line') || key.startsWith('package'))
      .flatMap(([, list]) => list),
  ];

  return (
    <Dialog
      title={`Fix tracking ${shipment.trackingNumber ?? ''}`.trim()}
      testId="fix-tracking-dialog"
      onClose={onClose}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!checks.blocked) submit();
        }}
      >
        <div className="form-grid">
          <TrackingFields channel={order.channel} values={values} onChange={change} violations={v} />
        </div>
        <ViolationList violations={other} testId="violations-form" />
        {formError && <ErrorState title="Not corrected" error={formError} />}
        <div className="dialog-actions">
          <span className="muted">{checks.serverChecking ? 'Checking with the server…' : ''}</span>
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button
            type="submit"
            className="primary"
            disabled={checks.blocked || update.isPending}
            data-testid="fix-tracking-submit"
          >
            {update.isPending ? 'Saving…' : 'Save tracking'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
