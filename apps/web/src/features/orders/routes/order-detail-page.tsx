import { Link, useLocation, useParams } from 'react-router';
import { CHANNELS } from '@order-hub/types';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { McfPanel } from '@/features/mcf/components/mcf-panel';
import { OrderActions } from '@/features/actions/components/order-actions';
import { ChannelRefusalPanel } from '@/features/outbox/components/channel-refusal-panel';
import { usePageTitle } from '@/lib/use-page-title';
import { useOrder, useOrderIdByNumber } from '../api/orders.hooks';
import { CarrierTracking } from '../components/carrier-tracking';
import { OrderDeadlines } from '../components/order-deadlines';
import { OrderHeader } from '../components/order-header';
import { OrderLinesTable } from '../components/order-lines-table';
import { OrderNotFound } from '../components/order-not-found';
import { RawPayload } from '../components/raw-payload';
import { ShipmentsTable } from '../components/shipments-table';
import { ShipToAddress } from '../components/ship-to-address';
import { BuyerDataRedactedNote } from '@/features/buyer-data/components/buyer-data-redacted-note';
import { TrackingHolds } from '../components/tracking-holds';
import { OrderReturns } from '@/features/returns/components/order-returns';
import { OrderMessages } from '@/features/messages/components/order-messages';
import { OrderSupplier } from '@/features/suppliers/components/order-supplier';
import { OrderLabels } from '@/features/labels/components/order-labels';
import { OrderTimelineWithReturns } from '@/features/returns/components/order-timeline-with-returns';
import { channelFromPath, isOrderId } from '../lib/order-path';

interface DetailLocationState {
  inboxSearch?: string;
}

/** `/orders/:id`: the hub's id, kept for older links and other pages. */
export function OrderDetailPage() {
  const { id = '' } = useParams();
  return (
    <OrderDetailFrame>{isOrderId(id) ? <OrderDetail id={id} /> : <NotFound what={`with id ${id}`} />}</OrderDetailFrame>
  );
}

/** `/orders/walmart/1234567890123`: the readable address, by the channel's order number. */
export function OrderByNumberPage() {
  const { channel: segment = '', number = '' } = useParams();
  const channel = channelFromPath(segment, CHANNELS);
  const lookup = useOrderIdByNumber(channel, number);
  const what = `${number} on ${segment}`;
  let body;
  if (!channel) body = <NotFound what={what} />;
  else if (lookup.isPending) body = <Loading label="Loading order…" />;
  else if (lookup.isError) body = <ErrorState error={lookup.error} onRetry={() => void lookup.refetch()} />;
  else if (!lookup.data) body = <NotFound what={what} />;
  else body = <OrderDetail id={lookup.data} />;
  return <OrderDetailFrame>{body}</OrderDetailFrame>;
}

function NotFound({ what }: { what: string }) {
  usePageTitle('No such order');
  return <OrderNotFound what={what} />;
}

function OrderDetailFrame({ children }: { children: React.ReactNode }) {
  const inboxSearch = (useLocation().state as DetailLocationState | null)?.inboxSearch ?? '';
  return (
    <div className="order-detail" data-testid="order-detail">
      <div className="order-links">
        <Link to={`/${inboxSearch}`} className="back" data-testid="back-to-inbox">
          ← Inbox
        </Link>
      </div>
      {children}
    </div>
  );
}

function OrderDetail({ id }: { id: string }) {
  const query = useOrder(id);
  usePageTitle(query.data?.order ? `Order ${query.data.order.channelOrderId}` : 'Order');
  if (query.isPending) return <Loading label="Loading order…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const { order } = query.data;
  if (!order) return <NotFound what={`with id ${id}`} />;
  return (
    <>
      <Link to={`/orders/${order.id}/evidence`} className="evidence-link" data-testid="order-evidence-link">
        Evidence record
      </Link>
      <OrderHeader order={order} />
      <ChannelRefusalPanel order={order} />
      <OrderActions order={order}>
        {(fixTrackingButton) => (
          <>
            <div className="columns">
              <OrderDeadlines order={order} />
              <ShipToAddress
                address={order.shipTo}
                redaction={
                  <BuyerDataRedactedNote
                    redactedAt={order.buyerDataRedactedAt}
                    retentionDays={order.buyerDataRetentionDays}
                    channel={order.channel}
                    timeZone={order.account.timeZone}
                  />
                }
              />
            </div>
            <McfPanel order={order} />
            <OrderSupplier orderId={order.id} timeZone={order.account.timeZone} />
            <OrderLinesTable lines={order.lines} />
            <TrackingHolds holds={order.trackingHolds} timeZone={order.account.timeZone} />
            <ShipmentsTable shipments={order.shipments} actions={fixTrackingButton} />
            <OrderLabels orderId={order.id} timeZone={order.account.timeZone} />
            <CarrierTracking shipments={order.shipments} shipTo={order.shipTo} timeZone={order.account.timeZone} />
            <OrderReturns orderId={order.id} timeZone={order.account.timeZone} />
            <OrderMessages orderId={order.id} timeZone={order.account.timeZone} />
            <OrderTimelineWithReturns order={order} />
            <RawPayload payload={order.rawPayload} />
          </>
        )}
      </OrderActions>
    </>
  );
}
