import { formatZonedDateTime } from '@/lib/format';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { Deadline } from './deadline';
import { isAwaitingShipment } from './order-status';

export function OrderDeadlines({ order }: { order: OrderDetail }) {
  const open = isAwaitingShipment(order);
  return (
    <section className="panel" data-testid="order-deadlines">
      <h2>Deadlines</h2>
      <dl className="facts">
        <dt>Ship by</dt>
        <dd>
          <Deadline at={order.shipBy} open={open} timeZone={order.account.timeZone} />
        </dd>
        <dt>Deliver by</dt>
        <dd>
          <Deadline at={order.deliverBy} open={open} timeZone={order.account.timeZone} />
        </dd>
        <dt>Acknowledge by</dt>
        <dd>
          <Deadline at={order.acknowledgeBy} open={open && !order.acknowledgedAt} timeZone={order.account.timeZone} />
        </dd>
        <dt>Auto-cancel at</dt>
        <dd>
          <Deadline at={order.autoCancelAt} open={open} timeZone={order.account.timeZone} />
        </dd>
        <dt>Acknowledged</dt>
        <dd>{formatZonedDateTime(order.acknowledgedAt, order.account.timeZone)}</dd>
      </dl>
    </section>
  );
}
