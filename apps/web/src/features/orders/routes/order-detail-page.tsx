import { Link, useLocation, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { McfPanel } from '@/features/mcf/components/mcf-panel';
import { OrderActions } from '@/features/actions/components/order-actions';
import { ChannelRefusalPanel } from '@/features/outbox/components/channel-refusal-panel';
import { OrderTimeline } from '@/features/outbox/components/order-timeline';
import { useOrder } from '../api/orders.hooks';
import { CarrierTracking } from '../components/carrier-tracking';
import { OrderDeadlines } from '../components/order-deadlines';
import { OrderHeader } from '../components/order-header';
import { OrderLinesTable } from '../components/order-lines-table';
import { RawPayload } from '../components/raw-payload';
import { ShipmentsTable } from '../components/shipments-table';
import { ShipToAddress } from '../components/ship-to-address';
import { BuyerDataRedactedNote } from '@/features/buyer-data/components/buyer-data-redacted-note';
import { TrackingHolds } from '../components/tracking-holds';

interface DetailLocationState {
  inboxSearch?: string;
}

export function OrderDetailPage() {
  const { id = '' } = useParams();
  const inboxSearch = (useLocation().state as DetailLocationState | null)?.inboxSearch ?? '';
  return (
    <div className="order-detail" data-testid="order-detail">
      <div className="order-links">
        <Link to={`/${inboxSearch}`} className="back" data-testid="back-to-inbox">
          ← Inbox
        </Link>
        <Link to={`/orders/${id}/evidence`} data-testid="order-evidence-link">
          Evidence record
        </Link>
      </div>
      <OrderDetail id={id} />
    </div>
  );
}

function OrderDetail({ id }: { id: string }) {
  const query = useOrder(id);
  if (query.isPending) return <Loading label="Loading order…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const { order } = query.data;
  if (!order) {
    return (
      <p className="empty" data-testid="order-not-found">
        Order <code>{id}</code> was not found.
      </p>
    );
  }
  return (
    <>
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
            <OrderLinesTable lines={order.lines} />
            <TrackingHolds holds={order.trackingHolds} timeZone={order.account.timeZone} />
            <ShipmentsTable shipments={order.shipments} actions={fixTrackingButton} />
            <CarrierTracking shipments={order.shipments} shipTo={order.shipTo} timeZone={order.account.timeZone} />
            <OrderTimeline order={order} />
            <RawPayload payload={order.rawPayload} />
          </>
        )}
      </OrderActions>
    </>
  );
}
