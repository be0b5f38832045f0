import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { formatMoney, formatZonedDateTime } from '@/lib/format';
import { useOrderReturns } from '../api/returns.hooks';
import { reasonsOf } from '../lib/returns-format';
import { RefundClockBadge } from './refund-clock-badge';
import { ReturnStatusBadge } from './return-status-badge';

/** The order page's Returns section: each return of the order with its clock and a link to it; nothing when none. */
export function OrderReturns({ orderId, timeZone }: { orderId: string; timeZone: string }) {
  const returns = useOrderReturns(orderId);
  if (returns.isPending) return null;
  if (returns.isError) {
    return (
      <section className="panel" data-testid="order-returns">
        <h2>Returns</h2>
        <ErrorState error={returns.error} onRetry={() => void returns.refetch()} />
      </section>
    );
  }
  if (returns.data.length === 0) return null;
  return (
    <section className="panel" data-testid="order-returns">
      <h2>Returns</h2>
      <div className="table-scroll">
        <table className="grid compact">
          <thead>
            <tr>
              <th>Return</th>
              <th>Status</th>
              <th>Reason</th>
              <th>Received</th>
              <th>Refund due in</th>
              <th className="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            {returns.data.map((ret) => (
              <tr key={ret.id} data-testid="order-return" data-status={ret.status}>
                <td>
                  <Link to={`/returns/${ret.id}`} className="mono" data-testid="order-return-link">
                    {ret.channelReturnId}
                  </Link>
                </td>
                <td>
                  <ReturnStatusBadge status={ret.status} label={ret.statusLabel} />
                </td>
                <td className="wrap" data-testid="order-return-reason">
                  {reasonsOf(ret.lines)}
                </td>
                <td>{formatZonedDateTime(ret.receivedAt, timeZone)}</td>
                <td>
                  <RefundClockBadge clock={ret.refundClock} timeZone={timeZone} />
                </td>
                <td className="num">{formatMoney(ret.amountCents, ret.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
