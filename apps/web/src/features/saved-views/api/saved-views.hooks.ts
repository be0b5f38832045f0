import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_INBOX_COLUMNS, type InboxColumn } from '@order-hub/types';
import type { SavedViewInput } from '@/gql/graphql';
import { request } from '@/lib/api';
import { ordersQueryKeys } from '@/features/shared/api/query-keys';
import {
  DeleteSavedViewMutation,
  InboxColumnsQuery,
  SavedViewsQuery,
  SaveViewMutation,
  SetInboxColumnsMutation,
  type SavedView,
} from './saved-views.graphql';

/**
 * Under the orders' keys: a view's count is a count of orders, so whatever invalidates orders (an action, MCF,
 * the outbox) refreshes the counts in the sidebar too.
 */
export const savedViewsQueryKey = [...ordersQueryKeys.all, 'saved-views'] as const;
export const inboxColumnsQueryKey = ['inbox-columns'] as const;

const NO_VIEWS: SavedView[] = [];
// One array, so a grid keyed on the columns does not re-render while they load.
const DEFAULT_COLUMNS: InboxColumn[] = [...DEFAULT_INBOX_COLUMNS];

/** The signed-in person's saved views, in their order, each with its count. */
export function useSavedViews() {
  const query = useQuery({
    queryKey: savedViewsQueryKey,
    queryFn: ({ signal }) => request(SavedViewsQuery, {}, { signal }),
    select: (data) => data.savedViews,
  });
  return { ...query, views: query.data ?? NO_VIEWS };
}

export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedViewInput) => request(SaveViewMutation, { input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewsQueryKey }),
  });
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(DeleteSavedViewMutation, { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewsQueryKey }),
  });
}

/** The person's inbox columns: the defaults until they load (and for a person who never chose). */
export function useInboxColumns(): { columns: InboxColumn[]; isLoading: boolean } {
  const query = useQuery({
    queryKey: inboxColumnsQueryKey,
    queryFn: ({ signal }) => request(InboxColumnsQuery, {}, { signal }),
    select: (data) => data.inboxColumns as InboxColumn[],
    staleTime: Infinity,
  });
  return { columns: query.data ?? DEFAULT_COLUMNS, isLoading: query.isLoading };
}

/** Saves the person's columns; the grid shows the new ones at once and goes back if the save fails. */
export function useSetInboxColumns() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (columns: InboxColumn[]) => request(SetInboxColumnsMutation, { columns }),
    onMutate: async (columns) => {
      await queryClient.cancelQueries({ queryKey: inboxColumnsQueryKey });
      const before = queryClient.getQueryData(inboxColumnsQueryKey);
      queryClient.setQueryData(inboxColumnsQueryKey, { inboxColumns: columns });
      return { before };
    },
    onError: (_error, _columns, context) => queryClient.setQueryData(inboxColumnsQueryKey, context?.before),
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxColumnsQueryKey }),
  });
}
