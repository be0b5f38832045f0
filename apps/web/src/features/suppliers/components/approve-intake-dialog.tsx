import type { CarrierCode } from '@order-hub/types';
import { useState, type FormEvent } from 'react';
import { Dialog } from '@/components/dialog';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { useNow } from '@/lib/use-now';
import { ViolationList } from '@/features/actions/components/violation-list';
import { carrierOptions } from '@/features/actions/lib/shipment-form';
import { hasBlock } from '@/features/actions/lib/violation-fields';
import { useOrder } from '@/features/orders/api/orders.hooks';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import type { ReviewRowView, TrackingIntakeView } from '../api/supplier-views';
import { useApproveTrackingIntake } from '../api/suppliers.hooks';
import { approveViolations } from '../lib/approve-checks';
import { reasonsInWords } from '../lib/intake-words';

interface ApproveIntakeDialogProps {
  row: ReviewRowView;
  onClose: () => void;
  onDone: (intake: TrackingIntakeView) => void;
}

/**
 * Approves a held tracking number, as received or corrected. The order's rules run as the reviewer types (the ship
 * dialog's own checks); a number the rules block cannot be approved.
 */
export function ApproveIntakeDialog({ row, onClose, onDone }: ApproveIntakeDialogProps) {
  const order = useOrder(row.intake.orderId);
  const number = order.data?.order?.channelOrderId ?? row.order?.channelOrderId;
  return (
    <Dialog
      title={number ? `Approve tracking for ${number}` : 'Approve tracking'}
      testId="approve-intake-dialog"
      onClose={onClose}
      size="small"
    >
      {order.isPending ? (
        <Loading label="Loading the order…" />
      ) : order.isError || !order.data.order ? (
        <ErrorState error={order.error ?? new Error('The order is gone.')} onRetry={() => void order.refetch()} />
      ) : (
        <ApproveForm row={row} order={order.data.order} onClose={onClose} onDone={onDone} />
      )}
    </Dialog>
  );
}

function ApproveForm({ row, order, onClose, onDone }: ApproveIntakeDialogProps & { order: OrderDetail }) {
  const { intake } = row;
  const now = useNow(30_000);
  const [carrier, setCarrier] = useState<CarrierCode>(intake.carrier);
  const [carrierName, setCarrierName] = useState(intake.carrierName ?? '');
  const [trackingNumber, setTrackingNumber] = useState(intake.trackingNumber);
  const approve = useApproveTrackingIntake();
  const violations = approveViolations(order, carrier, carrierName, trackingNumber, new Date(now));
  const blocked = hasBlock(violations) || trackingNumber.trim() === '';
  const changedCarrier =
    carrier !== intake.carrier || (carrier === 'OTHER' && carrierName.trim() !== (intake.carrierName ?? ''));
  const changedNumber = trackingNumber.trim() !== intake.trackingNumber;
  const byField = (field: string) => violations.filter((v) => v.field === field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (blocked) return;
    approve.mutate(
      {
        id: intake.id,
        carrier: changedCarrier ? carrier : null,
        carrierName: changedCarrier && carrier === 'OTHER' ? carrierName.trim() : null,
        trackingNumber: changedNumber ? trackingNumber.trim() : null,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="approve-intake-form">
      <p className="muted">Held because:</p>
      <ul data-testid="approve-intake-reasons">
        {reasonsInWords(intake.reasons).map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <label className="field">
        <span>Carrier</span>
        <select
          value={carrier}
          onChange={(event) => setCarrier(event.target.value as CarrierCode)}
          aria-invalid={hasBlock(byField('carrier'))}
          data-testid="approve-carrier"
        >
          {carrierOptions(order.channel).map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
        </select>
        <ViolationList violations={byField('carrier')} testId="approve-violations-carrier" />
      </label>
      {carrier === 'OTHER' && (
        <label className="field">
          <span>Carrier name</span>
          <input
            value={carrierName}
            onChange={(event) => setCarrierName(event.target.value)}
            data-testid="approve-carrier-name"
          />
          <ViolationList violations={byField('carrierName')} testId="approve-violations-carrierName" />
        </label>
      )}
      <label className="field">
        <span>Tracking number</span>
        <input
          className="mono"
          value={trackingNumber}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTrackingNumber(event.target.value)}
          aria-invalid={hasBlock(byField('trackingNumber'))}
          data-testid="approve-tracking-number"
        />
        <ViolationList violations={byField('trackingNumber')} testId="approve-violations-trackingNumber" />
      </label>
      {approve.isError && <ErrorState title="Not approved" error={approve.error} />}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="submit"
          className="primary"
          disabled={blocked || approve.isPending}
          data-testid="approve-intake-submit"
        >
          {approve.isPending
            ? 'Approving…'
            : changedCarrier || changedNumber
              ? 'Approve corrected tracking'
              : 'Approve'}
        </button>
      </div>
    </form>
  );
}
