import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, RefundReturnInput, ReturnFilter } from '@/gql/graphql';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import { alertsQueryKeys } from '@/features/alerts/api/alerts.hooks';
import { ordersQueryKeys, outboxQueryKeys } from '@/features/shared/api/query-keys';
import {
  OrderReturnsQuery,
  RefundOutboxEntryQuery,
  RefundReturnMutation,
  ReturnAccountsQuery,
  ReturnCountsQuery,
  ReturnQuery,
  ReturnsQuery,
} from './returns.graphql';

export const RETURNS_PAGE_SIZE = 50;
/** Returns arrive and refunds are read back on the server's schedule; the clock moves by itself: poll. */
export const RETURNS_POLL_MS = 15_000;
export const returnsQueryKeys = queryKeysFactory('returns');

export function useReturns(filter: ReturnFilter, after: string | null) {
  const variables = { filter, first: RETURNS_PAGE_SIZE, after };
  return useQuery({
    queryKey: returnsQueryKeys.list(variables),
    queryFn: ({ signal }) => request(ReturnsQuery, variables, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: RETURNS_POLL_MS,
  });
}

export function useReturn(id: string) {
  return useQuery({
    queryKey: returnsQueryKeys.detail(id),
    queryFn: ({ signal }) => request(ReturnQuery, { id }, { signal }),
    refetchInterval: RETURNS_POLL_MS,
  });
}

export function useOrderReturns(orderId: string) {
  return useQuery({
    queryKey: returnsQueryKeys.detail(`order:${orderId}`),
    queryFn: ({ signal }) => request(OrderReturnsQuery, { id: orderId }, { signal }),
    select: (data) => data.order?.returns ?? [],
    refetchInterval: RETURNS_POLL_MS,
  });
}

export interface ReturnCountsView {
  refundsDue: number;
  dueSoon: number;
  overdue: number;
  refundedByChannel30d: number;
}

/**
 * Refunds due (and how many are due soon or overdue) over the given channels, for the header link and the page's view;
 * the api counts one channel at a time. Undefined until every channel has answered.
 */
export function useReturnCounts(channels: readonly Channel[]): { data: ReturnCountsView | undefined } {
  return useQueries({
    queries: channels.map((channel) => ({
      queryKey: returnsQueryKeys.detail(`counts:${channel}`),
      queryFn: ({ signal }: { signal: AbortSignal }) => request(ReturnCountsQuery, { channel }, { signal }),
      refetchInterval: 60_000,
    })),
    combine: (results) => ({
      data:
        results.length > 0 && results.every((result) => result.data)
          ? results.reduce<ReturnCountsView>(
              (sum, result) => {
                const counts = result.data!.returnCounts;
                return {
                  refundsDue: sum.refundsDue + counts.refundsDue,
                  dueSoon: sum.dueSoon + counts.dueSoon,
                  overdue: sum.overdue + counts.overdue,
                  refundedByChannel30d: sum.refundedByChannel30d + counts.refundedByChannel30d,
                };
              },
              { refundsDue: 0, dueSoon: 0, overdue: 0, refundedByChannel30d: 0 },
            )
          : undefined,
    }),
  });
}

export function useReturnAccounts() {
  return useQuery({
    queryKey: returnsQueryKeys.detail('accounts'),
    queryFn: ({ signal }) => request(ReturnAccountsQuery, {}, { signal }),
    select: (data) => data.channelAccounts,
    staleTime: 60_000,
  });
}

/** A refund changes the return, its order (outbox, refunded amounts), the outbox queue and possibly alerts. */
export function useRefundReturn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RefundReturnInput) => request(RefundReturnMutation, { input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: returnsQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: ordersQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: outboxQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: alertsQueryKeys.all }),
      ]),
  });
}

const SETTLED = new Set(['DELIVERED', 'DEAD']);

/** A refund's outbox row, polled every 2 s until it is delivered or dead (FAILED may still be retried). */
export function useRefundOutboxEntry(id: string) {
  return useQuery({
    queryKey: outboxQueryKeys.detail(`refund:${id}`),
    queryFn: ({ signal }) => request(RefundOutboxEntryQuery, { id }, { signal }),
    select: (data) => data.outboxEntry,
    refetchInterval: (query) => (SETTLED.has(query.state.data?.outboxEntry?.status ?? '') ? false : 2_000),
  });
}
