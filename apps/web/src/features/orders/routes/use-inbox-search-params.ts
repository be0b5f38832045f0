import { CHANNELS } from '@order-hub/types';
import { useSearchParams } from 'react-router';
import type { Channel, OrderFilter, OrderSort, OrderView } from '@/gql/graphql';
import { popCursor, pushCursor, type CursorStack } from '@/lib/cursor-stack';
import { readFilters, readSort, writeFilters, writeSort, type InboxFilters } from '../lib/inbox-filters';

// The inbox state lives in the URL (?view=NEW&channel=AMAZON&q=…&sort=-ship_by&sku=A,B&after=c1&after=c2)
// so reload, back and a shared link show the same list. Each change renders at once (flushSync), not in a router
// transition: the list, its controls and the URL never disagree.
const VIEWS: Record<OrderView, true> = {
  NEW: true,
  DUE_TODAY: true,
  PAST_DUE: true,
  AT_RISK: true,
  NEEDS_ATTENTION: true,
  SHIPPED_NO_SCAN: true,
  ALL: true,
};
const DEFAULT_VIEW: OrderView = 'NEW';

function isView(value: string | null): value is OrderView {
  return value !== null && value in VIEWS;
}

function isChannel(value: string | null): value is Channel {
  return (CHANNELS as readonly (string | null)[]).includes(value);
}

export function useInboxSearchParams() {
  const [params, setParams] = useSearchParams();
  const rawView = params.get('view');
  const rawChannel = params.get('channel');
  const view = isView(rawView) ? rawView : DEFAULT_VIEW;
  const channel = isChannel(rawChannel) ? rawChannel : null;
  const search = params.get('q') ?? '';
  const cursors: CursorStack = params.getAll('after');
  const sort = readSort(params.get('sort'));
  const filters = readFilters(params);
  // The saved view opened from the sidebar, until the person changes what it shows.
  const savedViewId = params.get('saved');

  /** Writes one parameter; any change other than paging starts again at the first page. */
  const update = (name: 'view' | 'channel' | 'q' | 'sort', value: string | null, replace = false) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        next.delete('after');
        next.delete('saved');
        return next;
      },
      { replace, flushSync: true },
    );

  const setCursors = (stack: CursorStack) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('after');
        stack.forEach((cursor) => next.append('after', cursor));
        return next;
      },
      { flushSync: true },
    );

  return {
    view,
    channel,
    search,
    cursors,
    sort,
    filters,
    setSort: (value: OrderSort | null) => update('sort', writeSort(value)),
    setFilters: (value: InboxFilters) =>
      setParams(
        (current) => {
          const next = writeFilters(current, value);
          next.delete('after');
          next.delete('saved');
          return next;
        },
        { flushSync: true },
      ),
    savedViewId,
    /** Shows a saved view: its view, channel, search, filters and sort replace the list's. */
    openSavedView: (id: string, filter: OrderFilter, sort: OrderSort | null) => {
      let next = new URLSearchParams();
      if (filter.view && isView(filter.view)) next.set('view', filter.view);
      if (filter.channel) next.set('channel', filter.channel);
      if (filter.search) next.set('q', filter.search);
      next = writeFilters(next, {
        skus: filter.skus ?? [],
        shipMethods: filter.shipMethods ?? [],
        shipToStates: filter.shipToStates ?? [],
        fulfillment: filter.fulfillment ?? [],
        buyerRequestedCancel: filter.buyerRequestedCancel ?? false,
        channelRefused: filter.channelRefused ?? false,
        shippedNoScan: filter.shippedNoScan ?? false,
      });
      const sortParam = writeSort(sort);
      if (sortParam) next.set('sort', sortParam);
      next.set('saved', id);
      setParams(next, { flushSync: true });
    },
    setView: (value: OrderView) => update('view', value),
    setChannel: (value: Channel | null) => update('channel', value),
    // Typing should not fill the history with one entry per debounced keystroke.
    setSearch: (value: string) => update('q', value.trim() || null, true),
    nextPage: (endCursor: string) => setCursors(pushCursor(cursors, endCursor)),
    previousPage: () => setCursors(popCursor(cursors)),
  };
}
