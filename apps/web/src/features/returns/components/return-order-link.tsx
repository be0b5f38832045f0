import { Link } from 'react-router';
import { orderPath } from '@/features/orders/lib/order-path';
import type { ReturnView } from '../api/returns.graphql';

/** The order a return belongs to, linked to its page once the hub has the order; its number as text otherwise. */
export function ReturnOrderLink({ ret }: { ret: Pick<ReturnView, 'channel' | 'orderId' | 'orderNumber' | 'lines'> }) {
  const number = ret.orderNumber ?? ret.lines[0]?.channelOrderId ?? null;
  if (!number) return <span className="muted">—</span>;
  if (!ret.orderId) {
    return (
      <span className="mono" title="This order is not in the hub" data-testid="return-order">
        {number}
      </span>
    );
  }
  return (
    <Link to={orderPath({ channel: ret.channel, channelOrderId: number })} className="mono" data-testid="return-order">
      {number}
    </Link>
  );
}
