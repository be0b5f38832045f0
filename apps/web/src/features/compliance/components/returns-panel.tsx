import { channelLabel } from '@order-hub/rules/channels';
import { Link } from 'react-router';
import type { Channel } from '@/gql/graphql';
import { formatMoney, formatZonedDateTime } from '@/lib/format';
import type { ComplianceReturnsView } from '../api/compliance.graphql';
import { formatPercent, formatThreshold, formatWindow } from '../lib/metric-format';
import { MetricStatusBadge } from './metric-status-badge';

/** The report's money is the US marketplace's. */
const CURRENCY = 'USD';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The returns side of compliance: the return rate against the channel's standard, refunds by how their reason counts,
 * returns by reason, and the refunds the channel issued itself (each linked to its return), with why they count.
 */
export function ReturnsPanel({
  channel,
  returns,
  timeZone,
}: {
  channel: Channel;
  returns: ComplianceReturnsView;
  timeZone?: string;
}) {
  const { returnRate, refundsByCategory, byReason, refundedByChannel } = returns;
  const name = channelLabel(channel);
  return (
    <section className="returns-panel" data-testid="returns-panel" aria-labelledby="returns-panel-title">
      <h2 id="returns-panel-title">Returns and refunds</h2>
      <p className="muted" data-testid="returns-window">
        {formatWindow(returns.windowDays, returns.windowStart, returns.windowEnd, timeZone)}
      </p>

      {returnRate && (
        <div className="returns-rate" data-testid="returns-rate" data-status={returnRate.status}>
          <h3>{returnRate.label}</h3>
          <p>
            <strong data-testid="returns-rate-value">
              {returnRate.percent == null ? 'N/A — no delivered orders' : formatPercent(returnRate.percent)}
            </strong>{' '}
            <MetricStatusBadge status={returnRate.status} testId="returns-rate-status" />
          </p>
          <p data-testid="returns-rate-ratio">
            {plural(returnRate.returned, 'order', 'orders')} returned of{' '}
            {plural(returnRate.delivered, 'delivered order', 'delivered orders')}. Standard:{' '}
            {formatThreshold(returnRate.threshold, returnRate.comparator)}.
          </p>
          {returnRate.returnedOrders.length > 0 && (
            <details data-testid="returns-rate-orders">
              <summary>Returned orders</summary>
              <ul>
                {returnRate.returnedOrders.map((o) => (
                  <li key={o.orderId}>
                    <Link to={`/orders/${o.orderId}`}>Order {o.orderNumber}</Link>, delivered{' '}
                    {formatZonedDateTime(o.deliveredAt, timeZone)}
                  </li>
                ))}
              </ul>
              {returnRate.returned > returnRate.returnedOrders.length && (
                <p className="muted">The first {returnRate.returnedOrders.length} are listed.</p>
              )}
            </details>
          )}
        </div>
      )}

      <h3>Refunds by reason</h3>
      <ul className="returns-categories" data-testid="returns-refunds-by-category">
        {refundsByCategory.map((c) => (
          <li key={c.category} data-category={c.category} data-testid="returns-category">
            <strong>{c.label}</strong>: {plural(c.count, 'return', 'returns')} refunded,{' '}
            {formatMoney(c.amountCents, CURRENCY)}
          </li>
        ))}
      </ul>

      <h3>Returns by reason</h3>
      {byReason.length === 0 ? (
        <p className="muted" data-testid="returns-by-reason-none">
          No returns asked for in these days.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="grid" data-testid="returns-by-reason">
            <thead>
              <tr>
                <th scope="col">Reason</th>
                <th scope="col">Counts as</th>
                <th scope="col">Returns</th>
                <th scope="col">Units</th>
              </tr>
            </thead>
            <tbody>
              {byReason.map((r) => (
                <tr key={r.reasonCode ?? ''} data-reason={r.reasonCode ?? ''} data-testid="returns-reason">
                  <td title={r.reasonCode ?? undefined}>{r.label}</td>
                  <td>{refundsByCategory.find((c) => c.category === r.category)?.label ?? r.category}</td>
                  <td>{r.count}</td>
                  <td>{r.units}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>Refunds {name} issued itself</h3>
      <div data-testid="returns-refunded-by-channel" data-count={refundedByChannel.count}>
        {refundedByChannel.count === 0 ? (
          <p className="muted">None: every refund in these days came from you.</p>
        ) : (
          <>
            <p>
              <strong>
                {name} refunded {plural(refundedByChannel.count, 'return', 'returns')} itself,{' '}
                {formatMoney(refundedByChannel.amountCents, CURRENCY)}.
              </strong>
            </p>
            <p data-testid="returns-refunded-by-channel-explanation">{refundedByChannel.explanation}</p>
            <ul>
              {refundedByChannel.returns.map((r) => (
                <li key={r.id} data-testid="returns-refunded-by-channel-return">
                  <Link to={`/returns/${r.id}`}>Return {r.channelReturnId}</Link> of order {r.orderNumber}: received{' '}
                  {formatZonedDateTime(r.receivedAt, timeZone)}, refunded by {name}{' '}
                  {formatZonedDateTime(r.refundedAt, timeZone)}, {formatMoney(r.amountCents, CURRENCY)}
                </li>
              ))}
            </ul>
            {refundedByChannel.count > refundedByChannel.returns.length && (
              <p className="muted">The first {refundedByChannel.returns.length} are listed.</p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
