import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import type { OrderFilter } from '@/gql/graphql';
import { currentCursor, pageRangeLabel } from '@/lib/cursor-stack';
import { BulkAcknowledge } from '@/features/actions/components/bulk-acknowledge';
import { ORDERS_PAGE_SIZE, useOrders, useOrderViewCounts } from '../api/orders.hooks';
import { ChannelFilter } from '../components/channel-filter';
import { OrdersTable, type RowSelection } from '../components/orders-table';
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
  const selection = useSelection(JSON.stringify({ filter, view: inbox.view, cursors: inbox.cursors }));
  const rows = orders.data && !orders.isPlaceholderData ? orders.data.orders.edges.map((edge) => edge.node) : [];
  const selectedRows = rows.filter((row) => selection.selected.has(row.id));

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
      {counts.isError && (
        <ErrorState title="Counts unavailable" error={counts.error} onRetry={() => void counts.refetch()} />
      )}
      <BulkAcknowledge
        selected={selectedRows}
        onDone={() =>
          selection.onChange(
            selectedRows.map((row) => row.id),
            false,
          )
        }
      />
      <OrdersResult
        orders={orders}
        cursors={inbox.cursors}
        onNext={inbox.nextPage}
        onPrevious={inbox.previousPage}
        selection={selection}
      />
    </section>
  );
}

interface OrdersResultProps {
  orders: ReturnType<typeof useOrders>;
  cursors: readonly string[];
  onNext: (endCursor: string) => void;
  onPrevious: () => void;
  selection: RowSelection;
}

/** Selected order ids; a new view, filter or page (`scope`) starts with none. */
function useSelection(scope: string): RowSelection {
  const [state, setState] = useState<{ scope: string; ids: ReadonlySet<string> }>({ scope, ids: new Set() });
  const selected = state.scope === scope ? state.ids : new Set<string>();
  return {
    selected,
    onChange: (ids, on) => {
      const next = new Set(selected);
      ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
      setState({ scope, ids: next });
    },
  };
}

function OrdersResult({ orders, cursors, onNext, onPrevious, selection }: OrdersResultProps) {
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
        <OrdersTable orders={edges.map((edge) => edge.node)} stale={stale} selection={selection} />
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
