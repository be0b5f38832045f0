import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import {
  DeleteMcfSkuMappingMutation,
  McfQueueCountsQuery,
  McfSkuMappingsQuery,
  SetMcfSkuMappingsMutation,
} from './sku-map.graphql';

export const skuMapQueryKeys = queryKeysFactory('mcfSkuMappings');
export const mcfCountsQueryKeys = queryKeysFactory('mcfQueueCounts');

/** The SKU map of one Amazon account (or all), with each row's MCF stock as Amazon reports it now. */
export function useMcfSkuMappings(mcfAccountId: string | null, search: string) {
  const variables = { mcfAccountId, search: search.trim() || null };
  return useQuery({
    queryKey: skuMapQueryKeys.list(variables),
    queryFn: ({ signal }) => request(McfSkuMappingsQuery, variables, { signal }),
    select: (data) => data.mcfSkuMappings,
    placeholderData: keepPreviousData,
  });
}

export function useSetMcfSkuMappings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inputs: { mcfAccountId: string; sellerSku: string; amazonSku: string }[]) =>
      request(SetMcfSkuMappingsMutation, { inputs }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: skuMapQueryKeys.all }),
  });
}

export function useDeleteMcfSkuMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(DeleteMcfSkuMappingMutation, { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: skuMapQueryKeys.all }),
  });
}

/** How many MCF orders each queue tab holds (the tab badges). */
export function useMcfQueueCounts() {
  return useQuery({
    queryKey: mcfCountsQueryKeys.all,
    queryFn: ({ signal }) => request(McfQueueCountsQuery, {}, { signal }),
    select: (data) => data.mcfQueueCounts,
    refetchInterval: 30_000,
  });
}
