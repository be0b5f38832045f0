import type { InboxColumn } from '@order-hub/types';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import type { OrderFilter, OrderView } from '@/gql/graphql';
import { currentCursor, pageRangeLabel } from '@/lib/cursor-stack';
import { usePageTitle } from '@/lib/use-page-title';
import { BulkBar } from '@/features/bulk/components/bulk-bar';
import { useInboxColumns, useSavedViews, useSetInboxColumns } from '@/features/saved-views/api/saved-views.hooks';
import { ColumnChooser } from '@/features/saved-views/components/column-chooser';
import { SaveViewButton } from '@/features/saved-views/components/save-view-button';
import { SavedViewsNav } from '@/features/saved-views/components/saved-views-nav';
import { savedViewFilter, savedViewSort } from '@/features/saved-views/lib/saved-view-filter';
import { ORDERS_PAGE_SIZE, useOrders, useOrderViewCounts } from '../api/orders.hooks';
import { ChannelFilter } from '../components/channel-filter';
import { FiltersBar } from '../components/filters-bar';
import { InboxKeyboard } from '../components/inbox-keyboard';
import { OrderCards } from '../components/order-cards';
import { OrdersGrid } from '../components/orders-grid';
import { Pager } from '../components/pager';
import { useSelection, type RowSelection } from '../components/row-selection';
import { SearchBox } from '../components/search-box';
import { ViewTabs } from '../components/view-tabs';
import { filterFields } from '../lib/inbox-filters';
import { orderPath } from '../lib/order-path';
import { NARROW_INBOX, useMediaQuery } from '../lib/use-media-query';
import { useInboxSearchParams } from './use-inbox-search-params';

export function InboxPage() {
  usePageTitle('Inbox');
  const inbox = useInboxSearchParams();
  const navigate = useNavigate();
  // Unset fields stay out of the filter so equal filters give equal query keys.
  const filter: Omit<OrderFilter, 'view'> = {
    ...(inbox.channel && { channel: inbox.channel }),
    ...(inbox.search && { search: inbox.search }),
    ...filterFields(inbox.filters),
  };
  // A search looks in every view: the tabs then count the matches in each, and the list shows them all.
  const searching = inbox.search !== '';
  const listedView: OrderView = searching ? 'ALL' : inbox.view;
  const counts = useOrderViewCounts(filter);
  const orders = useOrders({ ...filter, view: listedView }, inbox.sort, currentCursor(inbox.cursors));
  const selection = useSelection(
    JSON.stringify({ filter, view: listedView, sort: inbox.sort, cursors: inbox.cursors }),
  );
  const [focused, setFocused] = useState({ scope: '', index: -1 });
  const edges = orders.data && !orders.isPlaceholderData ? orders.data.orders.edges : [];
  const rows = edges.map((edge) => edge.node);
  const scope = `${inbox.cursors.join()}|${rows.map((row) => row.id).join()}`;
  const focusedIndex = focused.scope === scope ? Math.min(focused.index, rows.length - 1) : -1;
  const selectedRows = rows.filter((row) => selection.selected.has(row.id));
  const columns = useShownColumns(inbox.savedViewId);

  return (
    <div className="inbox-layout">
      <aside className="inbox-aside">
        <SavedViewsNav
          activeId={inbox.savedViewId}
          onOpen={(view) => inbox.openSavedView(view.id, savedViewFilter(view), savedViewSort(view))}
        />
      </aside>
      <section className="inbox" data-testid="inbox">
        <h1 className="visually-hidden">Inbox</h1>
        <div className="toolbar">
          <ViewTabs
            active={searching ? null : inbox.view}
            counts={counts.data?.orderViewCounts}
            stale={counts.isPlaceholderData}
            onChange={(view) => {
              if (searching) inbox.setSearch('');
              inbox.setView(view);
            }}
          />
          <div className="filters">
            <ChannelFilter value={inbox.channel} onChange={inbox.setChannel} />
            <SearchBox value={inbox.search} onSearch={inbox.setSearch} />
          </div>
        </div>
        <div className="inbox-actions">
          <FiltersBar value={inbox.filters} onChange={inbox.setFilters} />
          <ColumnChooser value={columns.shown} onChange={columns.change} />
          <SaveViewButton
            filter={{ ...filter, view: inbox.view }}
            columns={columns.shown}
            sort={inbox.sort}
            view={columns.savedView}
            onSaved={(view) => inbox.openSavedView(view.id, savedViewFilter(view), savedViewSort(view))}
          />
        </div>
        {searching && (
          <p className="search-scope" data-testid="search-scope">
            Results in all views for “{inbox.search}”
          </p>
        )}
        {counts.isError && (
          <ErrorState title="Counts unavailable" error={counts.error} onRetry={() => void counts.refetch()} />
        )}
        <BulkBar
          selected={selectedRows}
          pageSize={rows.length}
          filter={{ ...filter, view: listedView }}
          matchingCount={orders.data && !orders.isPlaceholderData ? orders.data.orders.approximateCount : null}
          onDone={() =>
            selection.onChange(
              selectedRows.map((row) => row.id),
              false,
            )
          }
        />
        <InboxKeyboard
          rows={rows}
          focused={focusedIndex}
          selected={selectedRows}
          onFocus={(index) => setFocused({ scope, index })}
          onToggle={(id) => selection.onChange([id], !selection.selected.has(id))}
          onOpen={(index) => void navigate(orderPath(rows[index]), { state: { inboxSearch: location.search } })}
        />
        <OrdersResult
          orders={orders}
          inbox={inbox}
          selection={selection}
          focused={focusedIndex}
          showMatches={searching}
          columns={columns.shown}
        />
      </section>
    </div>
  );
}

/**
 * The grid's columns: an open saved view's own, else the person's. Choosing columns while a saved view is open
 * changes what is shown until "Update" keeps it in the view; otherwise it is remembered for the person.
 */
function useShownColumns(savedViewId: string | null) {
  const person = useInboxColumns();
  const setPersonColumns = useSetInboxColumns();
  const { views } = useSavedViews();
  const savedView = savedViewId ? (views.find((view) => view.id === savedViewId) ?? null) : null;
  const [override, setOverride] = useState<{ viewId: string; columns: InboxColumn[] } | null>(null);
  const viewColumns =
    savedView && (override?.viewId === savedView.id ? override.columns : (savedView.columns as InboxColumn[]));
  return {
    shown: viewColumns || person.columns,
    savedView,
    change: (columns: InboxColumn[]) => {
      if (savedView) setOverride({ viewId: savedView.id, columns });
      else setPersonColumns.mutate(columns);
    },
  };
}

interface OrdersResultProps {
  columns: readonly InboxColumn[];
  orders: ReturnType<typeof useOrders>;
  inbox: ReturnType<typeof useInboxSearchParams>;
  selection: RowSelection;
  focused: number;
  showMatches: boolean;
}

function OrdersResult({ columns, orders, inbox, selection, focused, showMatches }: OrdersResultProps) {
  const narrow = useMediaQuery(NARROW_INBOX);
  if (orders.isPending) return <Loading label="Loading orders…" />;
  if (orders.isError) return <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />;

  const { edges, pageInfo, totalCount } = orders.data.orders;
  const endCursor = pageInfo.endCursor;
  // Placeholder rows belong to the previous page or filter: their cursor and numbers do not apply.
  const stale = orders.isPlaceholderData;
  const shown = { edges, stale, selection, focused: stale ? -1 : focused, showMatches };
  return (
    <>
      {edges.length === 0 ? (
        <p className="empty" data-testid="orders-empty">
          {showMatches ? 'No order in any view matches this search.' : 'No orders here.'}
        </p>
      ) : narrow ? (
        <OrderCards {...shown} />
      ) : (
        <OrdersGrid {...shown} columns={columns} sort={inbox.sort} onSort={inbox.setSort} />
      )}
      <Pager
        label={stale ? 'Loading…' : pageRangeLabel(inbox.cursors, ORDERS_PAGE_SIZE, edges.length, totalCount)}
        hasPrevious={!stale && inbox.cursors.length > 0}
        hasNext={!stale && pageInfo.hasNextPage && endCursor != null}
        onPrevious={inbox.previousPage}
        onNext={() => endCursor && inbox.nextPage(endCursor)}
      />
    </>
  );
}
