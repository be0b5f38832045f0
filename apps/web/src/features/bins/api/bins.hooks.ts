import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SkuBinInput } from '@/gql/graphql';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import { SetSkuBinsMutation, SkuBinsQuery } from './bins.graphql';

export const binsQueryKeys = queryKeysFactory('skuBins');

const PAGE = 200;

export function useSkuBins(accountId: string | null, after: string | null) {
  return useQuery({
    queryKey: binsQueryKeys.list({ accountId, after }),
    queryFn: ({ signal }) => request(SkuBinsQuery, { accountId: accountId!, first: PAGE, after }, { signal }),
    enabled: accountId !== null,
  });
}

export function useSetSkuBins(accountId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rows: SkuBinInput[]) => request(SetSkuBinsMutation, { accountId: accountId!, rows }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: binsQueryKeys.lists() }),
  });
}
