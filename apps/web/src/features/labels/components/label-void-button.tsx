import { ConfirmAction } from '@/components/confirm-action';
import type { ShippingLabelView } from '../api/labels.graphql';
import { useVoidLabel } from '../api/labels.hooks';
import { voidDeniedReason } from '../lib/label-format';

/** Void, asked once more: the carrier refunds the label and the order goes back to the queue. */
export function LabelVoidButton({ label }: { label: ShippingLabelView }) {
  const voiding = useVoidLabel();
  const denied = voidDeniedReason(label);
  if (denied)
    return (
      <span className="muted" data-testid="label-void-unavailable">
        {label.status === 'PURCHASED' ? denied : ''}
      </span>
    );
  return (
    <ConfirmAction
      label="Void label"
      question={`Void the ${label.serviceName ?? ''} label ${label.trackingNumber ?? ''}? The carrier refunds it and the order goes back to the queue to ship.`}
      confirmLabel="Void label"
      pending={voiding.isPending}
      error={voiding.error}
      onCancel={() => voiding.reset()}
      onConfirm={(done) => voiding.mutate(label.id, { onSuccess: done })}
      testId="label-void"
    />
  );
}
