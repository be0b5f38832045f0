import { channelLabel } from '@order-hub/rules';
import { Link } from 'react-router';
import { orderPath } from '@/features/orders/lib/order-path';
import type { OrderRefView } from '../api/supplier-views';

/** "Walmart 1796000000042", linking to the order's page. */
export function OrderNumberLink({ order }: { order: OrderRefView }) {
  return (
    <Link to={orderPath(order)} data-testid="supplier-order-link">
      <span className="channel">{channelLabel(order.channel)}</span>{' '}
      <span className="mono">{order.channelOrderId}</span>
    </Link>
  );
}
