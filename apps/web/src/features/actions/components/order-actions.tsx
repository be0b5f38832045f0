import { lazy, type ReactNode, Suspense, useState } from 'react';
import { orderActionReasons as channelActionReasons } from '@order-hub/rules/channels';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { useMe } from '@/features/auth/api/auth.hooks';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { useAcknowledgeOrders } from '../api/actions.hooks';
import { actionDeniedReason } from '../lib/action-permissions';
import { type ActionOutcome, ActionOutcomeNotice } from './action-outcome';

// The dialogs bring @order-hub/rules (carrier formats, policy tables): loaded when one first opens.
const ShipDialog = lazy(() => import('./ship-dialog').then((m) => ({ default: m.ShipDialog })));
const CancelDialog = lazy(() => import('./cancel-dialog').then((m) => ({ default: m.CancelDialog })));
const RefundDialog = lazy(() => import('./refund-dialog').then((m) => ({ default: m.RefundDialog })));
const FixTrackingDialog = lazy(() => import('./fix-tracking-dialog').then((m) => ({ default: m.FixTrackingDialog })));

/** What acknowledging did, in words (the outcome codes stay in the API). */
const ACKNOWLEDGE_WORDS: Record<string, string> = {
  QUEUED: 'Acknowledged; the channel is being told.',
  ALREADY_ACKNOWLEDGED: 'Already acknowledged; nothing to do.',
  NOT_NEEDED: 'This channel needs no acknowledgement.',
  REFUSED: 'Not acknowledged.',
};

type Open = { kind: 'ship' } | { kind: 'cancel' } | { kind: 'refund' } | { kind: 'fix'; shipmentId: string } | null;

/** Why each action is unavailable for this order and role (null when it is available). */
export function orderActionReasons(order: OrderDetail, denied: string | null) {
  const channel = channelActionReasons(order);
  return {
    acknowledge: denied ?? channel.acknowledge,
    ship: denied ?? channel.ship,
    cancel: denied ?? channel.cancel,
    refund: denied ?? channel.refund,
    fix: denied,
  };
}

type Shipment = OrderDetail['shipments'][number];

interface OrderActionsProps {
  order: OrderDetail;
  /** The rest of the page, given the Fix tracking button for each shipment row. */
  children: (fixTrackingButton: (shipment: Shipment) => ReactNode) => ReactNode;
}

/** The order's action buttons, the dialog in use, what the last action did, and the page below them. */
export function OrderActions({ order, children }: OrderActionsProps) {
  const me = useMe();
  const denied = actionDeniedReason(me.data?.me.role);
  const reasons = orderActionReasons(order, denied);
  const [open, setOpen] = useState<Open>(null);
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const acknowledge = useAcknowledgeOrders();
  const close = () => setOpen(null);
  const fixing = open?.kind === 'fix' ? order.shipments.find((s) => s.id === open.shipmentId) : undefined;

  const button = (kind: 'ship' | 'cancel' | 'refund', label: string) => (
    <button
      type="button"
      disabled={reasons[kind] !== null}
      title={reasons[kind] ?? undefined}
      onClick={() => {
        setOutcome(null);
        setOpen({ kind });
      }}
      data-testid={`action-${kind}`}
    >
      {label}
    </button>
  );

  const fixTrackingButton = (shipment: Shipment) => (
    <button
      type="button"
      disabled={reasons.fix !== null}
      title={reasons.fix ?? undefined}
      onClick={() => {
        setOutcome(null);
        setOpen({ kind: 'fix', shipmentId: shipment.id });
      }}
      data-testid="action-fix-tracking"
    >
      Fix tracking
    </button>
  );

  return (
    <>
      <div className="action-bar" data-testid="order-actions">
        <button
          type="button"
          disabled={reasons.acknowledge !== null || acknowledge.isPending}
          title={reasons.acknowledge ?? undefined}
          onClick={() =>
            acknowledge.mutate([order.id], {
              onSuccess: ({ acknowledgeOrders: [result] }) =>
                setOutcome({
                  title: `${ACKNOWLEDGE_WORDS[result?.outcome ?? ''] ?? 'Acknowledge: no answer.'}${result?.message ? ` ${result.message}` : ''}`,
                  outbox: [],
                  warnings: [],
                }),
            })
          }
          data-testid="action-acknowledge"
        >
          Acknowledge
        </button>
        {button('ship', 'Ship…')}
        {button('cancel', 'Cancel lines…')}
        {button('refund', 'Refund…')}
        {!denied && order.fulfillmentMethod === 'MCF' && reasons.ship && (
          <span className="muted" data-testid="ship-unavailable">
            {reasons.ship}
          </span>
        )}
        {denied && (
          <span className="muted" data-testid="actions-denied">
            {denied}
          </span>
        )}
      </div>
      {acknowledge.isError && <ErrorState title="Not acknowledged" error={acknowledge.error} />}
      {outcome && <ActionOutcomeNotice outcome={outcome} current={order.outbox} onDismiss={() => setOutcome(null)} />}
      {children(fixTrackingButton)}
      <Suspense fallback={<Loading label="Opening…" />}>
        {open?.kind === 'ship' && <ShipDialog order={order} onClose={close} onDone={setOutcome} />}
        {open?.kind === 'cancel' && <CancelDialog order={order} onClose={close} onDone={setOutcome} />}
        {open?.kind === 'refund' && <RefundDialog order={order} onClose={close} onDone={setOutcome} />}
        {fixing && <FixTrackingDialog order={order} shipment={fixing} onClose={close} onDone={setOutcome} />}
      </Suspense>
    </>
  );
}
