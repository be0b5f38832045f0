import { channelLabel, returnRefundUnavailableReason } from '@order-hub/rules';
import { Link } from 'react-router';
import { formatMoney, formatZonedDateTime } from '@/lib/format';
import { NARROW_INBOX, useMediaQuery } from '@/features/orders/lib/use-media-query';
import type { ReturnView } from '../api/returns.graphql';
import { reasonsOf } from '../lib/returns-format';
import { RefundClockBadge } from './refund-clock-badge';
import { ReturnOrderLink } from './return-order-link';
import { ReturnStatusBadge } from './return-status-badge';

interface ReturnsListProps {
  returns: readonly ReturnView[];
  /** Account id → its IANA zone, for the dates. */
  zones: ReadonlyMap<string, string>;
  /** Show the channel beside the RMA (the All tab). */
  showChannel: boolean;
  /** Opens the refund dialog for a return with units left to refund; absent for a role that may not refund. */
  onRefund?: (ret: ReturnView) => void;
}

/** The rules decide: nothing left to refund, closed, or (Walmart) not back with the seller yet. */
const refundable = (ret: ReturnView) => returnRefundUnavailableReason(ret.channel, ret) === null;

/** Returns as a table, or as cards on a phone; each links to its detail and its order. */
export function ReturnsList(props: ReturnsListProps) {
  const narrow = useMediaQuery(NARROW_INBOX);
  return narrow ? <ReturnCards {...props} /> : <ReturnsTable {...props} />;
}

function ReturnsTable({ returns, zones, showChannel, onRefund }: ReturnsListProps) {
  return (
    <div className="table-scroll">
      <table className="grid returns-table" data-testid="returns-table">
        <thead>
          <tr>
            <th>Return</th>
            <th>Order</th>
            <th>Status</th>
            <th>Reason</th>
            <th>Received</th>
            <th>Refund due in</th>
            <th className="num">Amount</th>
            {onRefund && <th>Refund</th>}
          </tr>
        </thead>
        <tbody>
          {returns.map((ret) => (
            <tr key={ret.id} data-testid="return-row" data-return-id={ret.id} data-status={ret.status}>
              <td>
                {showChannel && <span className="channel">{channelLabel(ret.channel)}</span>}
                <Link to={`/returns/${ret.id}`} className="mono" data-testid="return-link">
                  {ret.channelReturnId}
                </Link>
              </td>
              <td>
                <ReturnOrderLink ret={ret} />
              </td>
              <td>
                <ReturnStatusBadge status={ret.status} label={ret.statusLabel} />
              </td>
              <td className="wrap" data-testid="return-reason">
                {reasonsOf(ret.lines)}
              </td>
              <td data-testid="return-received">{formatZonedDateTime(ret.receivedAt, zones.get(ret.accountId))}</td>
              <td>
                <RefundClockBadge clock={ret.refundClock} timeZone={zones.get(ret.accountId)} />
              </td>
              <td className="num" data-testid="return-amount">
                {formatMoney(ret.amountCents, ret.currency)}
              </td>
              {onRefund && (
                <td>
                  {refundable(ret) && (
                    <button type="button" onClick={() => onRefund(ret)} data-testid="return-refund">
                      Refund…
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReturnCards({ returns, zones, showChannel, onRefund }: ReturnsListProps) {
  return (
    <ul className="return-cards" data-testid="returns-table">
      {returns.map((ret) => (
        <li
          key={ret.id}
          className="return-card"
          data-testid="return-row"
          data-return-id={ret.id}
          data-status={ret.status}
        >
          <div className="return-card-head">
            {showChannel && <span className="channel">{channelLabel(ret.channel)}</span>}
            <Link to={`/returns/${ret.id}`} className="mono" data-testid="return-link">
              {ret.channelReturnId}
            </Link>
            <span className="return-card-amount" data-testid="return-amount">
              {formatMoney(ret.amountCents, ret.currency)}
            </span>
          </div>
          <div className="return-card-facts">
            <ReturnStatusBadge status={ret.status} label={ret.statusLabel} />
            <RefundClockBadge clock={ret.refundClock} timeZone={zones.get(ret.accountId)} />
          </div>
          <div className="return-card-facts">
            <span data-testid="return-reason">{reasonsOf(ret.lines)}</span>
            <span>
              Order <ReturnOrderLink ret={ret} />
            </span>
            <span data-testid="return-received">
              Received {formatZonedDateTime(ret.receivedAt, zones.get(ret.accountId))}
            </span>
          </div>
          {onRefund && refundable(ret) && (
            <button type="button" onClick={() => onRefund(ret)} data-testid="return-refund">
              Refund…
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
