import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OutboxStatus, OutboxFixInput } from '@/gql/graphql';
import { request } from '@/lib/api';
import { ordersQueryKeys, outboxQueryKeys } from '@/features/shared/api/query-keys';
import { DiscardOutboxEntryMutation, OutboxEntriesQuery, RetryOutboxEntryMutation } from './outbox.graphql';

export const OUTBOX_PAGE_SIZE = 50;

/** The queue, newest first; refreshed every 5 s so retried entries move on by themselves. */
export function useOutboxEntries(statuses: OutboxStatus[], after: string | null) {
  // No status ticked lists every entry.
  const variables = { statuses: statuses.length > 0 ? statuses : null, first: OUTBOX_PAGE_SIZE, after };
  return useQuery({
    queryKey: outboxQueryKeys.list(variables),
    queryFn: ({ signal }) => request(OutboxEntriesQuery, variables, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
}

/** Retry and discard change the queue and the order's timeline (and a discard undoes the hub's record). */
function useOutboxMutation<TVariables, TData extends object>(mutationFn: (variables: TVariables) => Promise<TData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: outboxQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: ordersQueryKeys.all }),
      ]),
  });
}

export function useRetryOutboxEntry() {
  return useOutboxMutation((variables: { id: string; fix?: OutboxFixInput | null }) =>
    request(RetryOutboxEntryMutation, variables),
  );
}

export function useDiscardOutboxEntry() {
  return useOutboxMutation((variables: { id: string; reason: string }) =>
    request(DiscardOutboxEntryMutation, variables),
  );
}
