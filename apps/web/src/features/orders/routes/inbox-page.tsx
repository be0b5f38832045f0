import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import type { OrderFilter } from '../../../gql/graphql';
import { currentCursor, pageRangeLabel } from '../../../lib/cursor-stack';
import { ORDERS_PAGE_SIZE, useOrders, useOrderViewCounts } from '../api/orders.hooks';
import { ChannelFilter } from '../components/channel-filter';
import { OrdersTable } from '../components/orders-table';
import { Pager } from '../components/pager';
import { SearchBox } from '../components/search-box';
import { ViewTabs } from '../components/view-tabs';
import { useInboxSearchParams } from './use-inbox-search-params';

export function InboxPage() {
  const inbox = useInboxSearchParams();
  // Unset fields stay out of the filter so equal filters give equal query keys.
  const filter: Omit<OrderFilter, 'view'> = {
    ...(inbox.channel && { channel: inbox.channel }),
    ...(inbox.search && { search: inbox.search }),
  };
  const counts = useOrderViewCounts(filter);
  const orders = useOrders({ ...filter, view: inbox.view }, currentCursor(inbox.cursors));

  return (
    <section className="inbox" data-testid="inbox">
      <div className="toolbar">
        <ViewTabs
          active={inbox.view}
          counts={counts.data?.orderViewCounts}
          stale={counts.isPlaceholderData}
          onChange={inbox.setView}
        />
        <div className="filters">
          <ChannelFilter value={inbox.channel} onChange={inbox.setChannel} />
          <SearchBox value={inbox.search} onSearch={inbox.setSearch} />
        </div>
      </div>
      {counts.isError && <ErrorState title="Counts unavailable" error={counts.error} onRetry={() => void counts.refetch()} />}
      <OrdersResult orders={orders} cursors={inbox.cursors} onNext={inbox.nextPage} onPrevious={inbox.previousPage} />
    </section>
  );
}

interface OrdersResultProps {
  orders: ReturnType<typeof useOrders>;
  cursors: readonly string[];
  onNext: (endCursor: string) => void;
  onPrevious: () => void;
}

function OrdersResult({ orders, cursors, onNext, onPrevious }: OrdersResultProps) {
  if (orders.isPending) return <Loading label="Loading orders…" />;
  if (orders.isError) return <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />;

  const { edges, pageInfo, totalCount } = orders.data.orders;
  const endCursor = pageInfo.endCursor;
  // Placeholder rows belong to the previous page or filter: their cursor and numbers do not apply.
  const stale = orders.isPlaceholderData;
  return (
    <>
      {edges.length === 0 ? (
        <p className="empty" data-testid="orders-empty">
          No orders here.
        </p>
      ) : (
        <OrdersTable orders={edges.map((edge) => edge.node)} stale={stale} />
      )}
      <Pager
        label={stale ? 'Loading…' : pageRangeLabel(cursors, ORDERS_PAGE_SIZE, edges.length, totalCount)}
        hasPrevious={!stale && cursors.length > 0}
        hasNext={!stale && pageInfo.hasNextPage && endCursor != null}
        onPrevious={onPrevious}
        onNext={() => endCursor && onNext(endCursor)}
      />
    </>
  );
}
