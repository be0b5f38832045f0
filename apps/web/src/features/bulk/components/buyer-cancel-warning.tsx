import { Dialog } from '@/components/dialog';

interface BuyerCancelWarningProps {
  /** "Acknowledge" or "Ship": the action about to be done. */
  action: string;
  orders: readonly { orderId: string; channelOrderId: string }[];
  /** How many orders the action covers in all. */
  total: number;
  onAnyway: () => void;
  onCancelThem: () => void;
  onLeaveOut: () => void;
  onClose: () => void;
}

/** Before acknowledging or shipping: the orders whose buyer asked to cancel, and what to do with them. */
export function BuyerCancelWarning({
  action,
  orders,
  total,
  onAnyway,
  onCancelThem,
  onLeaveOut,
  onClose,
}: BuyerCancelWarningProps) {
  const rest = total - orders.length;
  return (
    <Dialog title="The buyer asked to cancel" testId="buyer-cancel-warning" onClose={onClose} size="small">
      <p>
        The buyer asked to cancel {orders.length === 1 ? 'this order' : `these ${orders.length} orders`}:{' '}
        <span className="mono" data-testid="buyer-cancel-orders">
          {orders.map((o) => o.channelOrderId).join(', ')}
        </span>
        .
      </p>
      <div className="dialog-actions bulk-warning-actions">
        <button type="button" onClick={onLeaveOut} disabled={rest === 0} data-testid="buyer-cancel-leave-out">
          Leave them out{rest > 0 ? ` (${action.toLowerCase()} ${rest})` : ''}
        </button>
        <button type="button" onClick={onCancelThem} data-testid="buyer-cancel-cancel-them">
          Cancel them instead
        </button>
        <button type="button" className="danger" onClick={onAnyway} data-testid="buyer-cancel-anyway">
          {action} anyway
        </button>
      </div>
    </Dialog>
  );
}
