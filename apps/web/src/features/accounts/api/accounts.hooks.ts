import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateChannelAccountInput, UpdateChannelAccountInput } from '@/gql/graphql';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import { accountsPollInterval } from '../lib/sync-state-format';
import {
  ChannelAccountsQuery,
  CreateChannelAccountMutation,
  DisableChannelAccountMutation,
  SyncAccountMutation,
  UpdateChannelAccountMutation,
} from './accounts.graphql';

export const accountsQueryKeys = queryKeysFactory('channelAccounts');

/** Every account with its sync state, refreshed every 2 s while a pull runs or a backfill goes on, else every 30 s. */
export function useChannelAccounts() {
  return useQuery({
    queryKey: accountsQueryKeys.list({}),
    queryFn: ({ signal }) => request(ChannelAccountsQuery, {}, { signal }),
    refetchInterval: (query) => accountsPollInterval(query.state.data?.channelAccounts),
  });
}

/** Each mutation changes what the list shows (settings, disabled badge, sync state): refetch it. */
function useInvalidatingMutation<TVariables, TData>(mutationFn: (variables: TVariables) => Promise<TData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsQueryKeys.lists() }),
  });
}

export function useCreateChannelAccount() {
  return useInvalidatingMutation((input: CreateChannelAccountInput) =>
    request(CreateChannelAccountMutation, { input }),
  );
}

export function useUpdateChannelAccount() {
  return useInvalidatingMutation((variables: { id: string; input: UpdateChannelAccountInput }) =>
    request(UpdateChannelAccountMutation, variables),
  );
}

export function useDisableChannelAccount() {
  return useInvalidatingMutation((id: string) => request(DisableChannelAccountMutation, { id }));
}

/** Starts a pull; the api answers at once, and the list (polling fast while it runs) shows the rest. */
export function useSyncAccount() {
  return useInvalidatingMutation((accountId: string) => request(SyncAccountMutation, { accountId }));
}
