import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateApiTokenInput } from '@/gql/graphql';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import { ApiTokensQuery, CreateApiTokenMutation, RevokeApiTokenMutation } from './api-tokens.graphql';

export const apiTokensQueryKeys = queryKeysFactory('apiTokens');

export function useApiTokens() {
  return useQuery({
    queryKey: apiTokensQueryKeys.lists(),
    queryFn: ({ signal }) => request(ApiTokensQuery, {}, { signal }),
  });
}

function useTokenMutation<TVariables, TData>(mutationFn: (variables: TVariables) => Promise<TData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKeys.all }),
  });
}

export const useCreateApiToken = () =>
  useTokenMutation((input: CreateApiTokenInput) => request(CreateApiTokenMutation, { input }));
export const useRevokeApiToken = () => useTokenMutation((id: string) => request(RevokeApiTokenMutation, { id }));
