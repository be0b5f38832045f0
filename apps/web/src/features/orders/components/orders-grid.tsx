import { INBOX_COLUMNS, type InboxColumn } from '@order-hub/types';
import {
  columnVisibilityFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { Fragment, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { OrderSort } from '@/gql/graphql';
import type { OrderEdgeRow } from '@/features/shared/api/orders.graphql';
import { INBOX_COLUMN_LABELS } from '@/features/saved-views/lib/column-labels';
import { useNow } from '@/lib/use-now';
import { orderPath } from '../lib/order-path';
import { matchLabel } from '../lib/order-words';
import { INBOX_COLUMN_SPECS, type CellContext } from './inbox-columns';
import type { RowSelection } from './row-selection';

const features = tableFeatures({ columnVisibilityFeature, rowSortingFeature });
type GridRow = OrderEdgeRow & { now: number; linkState: CellContext['linkState'] };

const columns: ColumnDef<typeof features, GridRow>[] = INBOX_COLUMNS.map((column) => ({
  id: column,
  // Sorting happens on the server; the accessor only marks the column as one that has a value to sort by.
  accessorFn: (row) => row.node.id,
  header: INBOX_COLUMN_LABELS[column],
  enableSorting: INBOX_COLUMN_SPECS[column].sort !== undefined,
  // Every sortable column starts with the order people mean first: soonest deadline, oldest, A→Z.
  sortDescFirst: false,
  cell: ({ row }) =>
    INBOX_COLUMN_SPECS[column].cell({ edge: row.original, now: row.original.now, linkState: row.original.linkState }),
}));

/** The server sort as TanStack's sorting state (the column it is shown on), and back. */
export function sortingOf(sort: OrderSort | null, visible: readonly InboxColumn[]): SortingState {
  if (!sort) return [];
  const column = visible.find((candidate) => INBOX_COLUMN_SPECS[candidate].sort?.field === sort.field);
  if (!column) return [];
  const invert = INBOX_COLUMN_SPECS[column].sort?.invert ?? false;
  return [{ id: column, desc: (sort.direction === 'DESC') !== invert }];
}

export function sortOf(sorting: SortingState): OrderSort | null {
  const first = sorting[0];
  const spec = first && INBOX_COLUMN_SPECS[first.id as InboxColumn]?.sort;
  if (!spec) return null;
  return { field: spec.field, direction: first.desc !== (spec.invert ?? false) ? 'DESC' : 'ASC' };
}

interface OrdersGridProps {
  edges: readonly OrderEdgeRow[];
  columns: readonly InboxColumn[];
  sort: OrderSort | null;
  onSort: (sort: OrderSort | null) => void;
  /** True while the rows shown belong to the previous filter or page. */
  stale: boolean;
  selection: RowSelection;
  /** The row the keyboard is on (j/k), or -1. */
  focused: number;
  /** Search is set: each row says why it matched. */
  showMatches: boolean;
}

export function OrdersGrid({
  edges,
  columns: visible,
  sort,
  onSort,
  stale,
  selection,
  focused,
  showMatches,
}: OrdersGridProps) {
  const navigate = useNavigate();
  const { search } = useLocation();
  const now = useNow(60_000);
  const data = useMemo(
    () => edges.map((edge) => ({ ...edge, now, linkState: { inboxSearch: search } })),
    [edges, now, search],
  );
  const columnVisibility = useMemo(
    () => Object.fromEntries(INBOX_COLUMNS.map((column) => [column, visible.includes(column)])),
    [visible],
  );
  const sorting = sortingOf(sort, visible);
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => row.node.id,
    manualSorting: true,
    state: { sorting, columnVisibility },
    onSortingChange: (updater: Updater<SortingState>) =>
      onSort(sortOf(typeof updater === 'function' ? updater(sorting) : updater)),
  });

  const focusedRow = useRef<HTMLTableRowElement>(null);
  // Braces: newer browsers' scrollIntoView returns a promise, which React would take for a cleanup function.
  useEffect(() => {
    void focusedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);

  const openRow = (event: MouseEvent, row: GridRow) => {
    // Links, and the selection cell around its checkbox, do their own thing.
    if ((event.target as HTMLElement).closest('a, input, label, td.select')) return;
    void navigate(orderPath(row.node), { state: row.linkState });
  };
  const ids = edges.map((edge) => edge.node.id);
  const width = table.getVisibleLeafColumns().length + 1;

  return (
    <div className="grid-scroll">
      <table
        className={stale ? 'grid inbox-grid stale' : 'grid inbox-grid'}
        aria-busy={stale}
        data-testid="orders-table"
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              <th className="select">
                <input
                  type="checkbox"
                  aria-label="Select every order on this page"
                  checked={ids.length > 0 && ids.every((id) => selection.selected.has(id))}
                  onChange={(event) => selection.onChange(ids, event.target.checked)}
                  data-testid="select-all-orders"
                />
              </th>
              {group.headers.map((header) => {
                const column = header.column;
                const sorted = column.getIsSorted();
                const numeric = INBOX_COLUMN_SPECS[column.id as InboxColumn].numeric;
                return (
                  <th
                    key={header.id}
                    className={numeric ? 'num' : undefined}
                    aria-sort={
                      sorted === 'asc'
                        ? 'ascending'
                        : sorted === 'desc'
                          ? 'descending'
                          : column.getCanSort()
                            ? 'none'
                            : undefined
                    }
                    data-testid={`column-${column.id}`}
                  >
                    {column.getCanSort() ? (
                      <button
                        type="button"
                        className="sort-header"
                        onClick={column.getToggleSortingHandler()}
                        title={`Sort by ${INBOX_COLUMN_LABELS[column.id as InboxColumn].toLowerCase()}`}
                        data-testid={`sort-${column.id}`}
                      >
                        <table.FlexRender header={header} />
                        <span className="sort-mark" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row, index) => {
            const id = row.original.node.id;
            const matches = showMatches ? row.original.matches : [];
            return (
              <Fragment key={row.id}>
                <tr
                  ref={index === focused ? focusedRow : undefined}
                  className={index === focused ? 'clickable focused' : 'clickable'}
                  aria-current={index === focused ? 'true' : undefined}
                  onClick={(event) => openRow(event, row.original)}
                  data-testid="order-row"
                  data-order-id={id}
                >
                  <td className="select">
                    <input
                      type="checkbox"
                      aria-label={`Select ${row.original.node.channelOrderId}`}
                      checked={selection.selected.has(id)}
                      onClick={(event) => selection.click(ids, index, event.shiftKey, event.currentTarget.checked)}
                      onChange={() => undefined}
                      data-testid="select-order"
                    />
                  </td>
                  {row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.id}
                      className={INBOX_COLUMN_SPECS[cell.column.id as InboxColumn].numeric ? 'num' : undefined}
                    >
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
                {matches.length > 0 && (
                  <tr className="match-row" data-testid="order-matches">
                    <td />
                    <td colSpan={width - 1}>Matched: {matches.map((match) => matchLabel(match)).join(' · ')}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
