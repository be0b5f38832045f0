import { lazy, Suspense } from 'react';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { useMe } from '@/features/auth/api/auth.hooks';
import { orderActionReasons } from '@/features/actions/components/order-actions';
import { actionDeniedReason } from '@/features/actions/lib/action-permissions';
import type { ActionOutcome } from '@/features/actions/components/action-outcome';
import { useOrder } from '../api/orders.hooks';

const ShipDialog = lazy(() =>
  import('@/features/actions/components/ship-dialog').then((m) => ({ default: m.ShipDialog })),
);

interface InboxShipProps {
  orderId: string;
  onClose: () => void;
  onDone: (outcome: ActionOutcome) => void;
}

/** `s` in the inbox: the order page's ship dialog over the list, once the order is loaded; or why it can't ship. */
export function InboxShip({ orderId, onClose, onDone }: InboxShipProps) {
  const query = useOrder(orderId);
  const me = useMe();
  if (query.isPending || me.isPending) return <Loading label="Loading order…" />;
  if (query.isError) return <ErrorState title="Could not open the order" error={query.error} />;
  const order = query.data.order;
  if (!order) return null;
  const refused = orderActionReasons(order, actionDeniedReason(me.data?.me.role)).ship;
  if (refused) {
    return (
      <div className="notice" role="status" data-testid="inbox-ship-refused">
        {order.channelOrderId} can't be shipped from here: {refused}{' '}
        <button type="button" className="link" onClick={onClose}>
          Dismiss
        </button>
      </div>
    );
  }
  return (
    <Suspense fallback={<Loading label="Opening…" />}>
      <ShipDialog order={order} onClose={onClose} onDone={onDone} />
    </Suspense>
  );
}
