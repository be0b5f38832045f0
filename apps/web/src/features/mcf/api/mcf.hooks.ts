import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import { alertsQueryKeys } from '@/features/alerts/api/alerts.hooks';
import { ordersQueryKeys } from '@/features/shared/api/query-keys';
import { type McfQueueTab, nextBefore, queueVariables } from '../lib/queue-filters';
import { McfOrdersQuery, RouteOrdersToMcfMutation } from './mcf.graphql';
import { mcfCountsQueryKeys } from './sku-map.hooks';

export const mcfQueryKeys = queryKeysFactory('mcfOrders');

/** One queue tab, newest first, a page at a time (`before` = the last row's createdAt). */
export function useMcfQueue(tab: McfQueueTab) {
  return useInfiniteQuery({
    queryKey: mcfQueryKeys.list({ tab }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => request(McfOrdersQuery, queueVariables(tab, pageParam), { signal }),
    getNextPageParam: (page) => nextBefore(page.mcfOrders),
    refetchInterval: 30_000,
  });
}

/** Routing changes the order (fulfilment method, MCF panel), the queue and possibly alerts. */
export function useRouteOrdersToMcf() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: { orderIds: string[]; mcfAccountId: string | null }) =>
      request(RouteOrdersToMcfMutation, variables),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ordersQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: mcfQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: mcfCountsQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: alertsQueryKeys.all }),
      ]),
  });
}
