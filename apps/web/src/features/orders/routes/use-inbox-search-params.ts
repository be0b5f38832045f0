import { CHANNELS } from '@order-hub/types';
import { useSearchParams } from 'react-router';
import type { Channel, OrderView } from '@/gql/graphql';
import { popCursor, pushCursor, type CursorStack } from '@/lib/cursor-stack';

// The inbox state lives in the URL (?view=NEW&channel=AMAZON&q=…&after=c1&after=c2) so reload and back work.
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

  /** Writes one parameter; any change other than paging starts again at the first page. */
  const update = (name: 'view' | 'channel' | 'q', value: string | null, replace = false) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        next.delete('after');
        return next;
      },
      { replace },
    );

  const setCursors = (stack: CursorStack) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.delete('after');
      stack.forEach((cursor) => next.append('after', cursor));
      return next;
    });

  return {
    view,
    channel,
    search,
    cursors,
    setView: (value: OrderView) => update('view', value),
    setChannel: (value: Channel | null) => update('channel', value),
    // Typing should not fill the history with one entry per debounced keystroke.
    setSearch: (value: string) => update('q', value.trim() || null, true),
    nextPage: (endCursor: string) => setCursors(pushCursor(cursors, endCursor)),
    previousPage: () => setCursors(popCursor(cursors)),
  };
}
