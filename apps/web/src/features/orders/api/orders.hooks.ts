import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Channel, OrderFilter, OrderSort } from '@/gql/graphql';
import { request } from '@/lib/api';
import { outboxPollInterval } from '@/features/outbox/lib/timeline';
import { OrderQuery, OrdersQuery, OrderViewCountsQuery } from '@/features/shared/api/orders.graphql';
import { ordersQueryKeys } from '@/features/shared/api/query-keys';
import { OrderIdByNumberQuery } from './order-by-number.graphql';

export const ORDERS_PAGE_SIZE = 50;

export function useOrders(filter: OrderFilter, sort: OrderSort | null, after: string | null) {
  const variables = { filter, ...(sort && { sort }), first: ORDERS_PAGE_SIZE, after };
  return useQuery({
    queryKey: ordersQueryKeys.list(variables),
    queryFn: ({ signal }) => request(OrdersQuery, variables, { signal }),
    // Keep the current page on screen while the next one loads, instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });
}

/** Counts per inbox view; the view in `filter` is ignored by the server, so leave it out. */
export function useOrderViewCounts(filter: Omit<OrderFilter, 'view'>) {
  return useQuery({
    queryKey: ordersQueryKeys.counts(filter),
    queryFn: ({ signal }) => request(OrderViewCountsQuery, { filter }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** How many orders a channel refused a call of (NEEDS_ATTENTION), for the header; refreshed every 15 s. */
export function useNeedsAttentionCount() {
  const filter = {};
  return useQuery({
    queryKey: ordersQueryKeys.counts(filter),
    queryFn: ({ signal }) => request(OrderViewCountsQuery, { filter }, { signal }),
    select: (data) => data.orderViewCounts.find((entry) => entry.view === 'NEEDS_ATTENTION')?.count ?? 0,
    refetchInterval: 15_000,
  });
}

/** One order; polled while a channel call is still on its way (see outboxPollInterval), so the timeline follows it. */
export function useOrder(id: string) {
  return useQuery({
    queryKey: ordersQueryKeys.detail(id),
    queryFn: ({ signal }) => request(OrderQuery, { id }, { signal }),
    refetchInterval: (query) => outboxPollInterval(query.state.data?.order?.outbox ?? [], Date.now()),
  });
}

/** The hub id of the order a readable address names; null when the channel has no such order. */
export function useOrderIdByNumber(channel: Channel | null, number: string) {
  return useQuery({
    queryKey: [...ordersQueryKeys.all, 'by-number', channel, number] as const,
    queryFn: ({ signal }) => request(OrderIdByNumberQuery, { channel: channel as Channel, number }, { signal }),
    select: (data) => data.orderByNumber?.id ?? null,
    enabled: channel !== null,
  });
}
