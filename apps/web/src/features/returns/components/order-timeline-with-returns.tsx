import { OrderTimeline } from '@/features/outbox/components/order-timeline';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { useOrderReturns } from '../api/returns.hooks';
import { returnNotes } from '../lib/return-notes';

/** The order's timeline with its returns' steps among its events (the same query as the page's Returns section). */
export function OrderTimelineWithReturns({ order }: { order: OrderDetail }) {
  const returns = useOrderReturns(order.id);
  return <OrderTimeline order={order} notes={returnNotes(returns.data ?? [])} />;
}
