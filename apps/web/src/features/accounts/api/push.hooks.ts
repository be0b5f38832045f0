import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import { ChannelAccountsQuery } from './accounts.graphql';
import { accountsQueryKeys } from './accounts.hooks';
import {
  MissedPushesQuery,
  SendPushTestMutation,
  SubscribePushMutation,
  UnsubscribePushMutation,
} from './push.graphql';

export const missedPushesQueryKeys = queryKeysFactory('missedPushes');

/** While the push panel is open the list refreshes this often, so a test event shows as "last event" within seconds. */
export const PUSH_PANEL_POLL_MS = 2_000;

/** The account list again, refreshed fast while someone watches an account's pushes. */
export function useWatchedChannelAccounts() {
  return useQuery({
    queryKey: accountsQueryKeys.list({}),
    queryFn: ({ signal }) => request(ChannelAccountsQuery, {}, { signal }),
    refetchInterval: PUSH_PANEL_POLL_MS,
  });
}

/** Orders a poll found that no push announced (newest first), fetched when someone opens the list. */
export function useMissedPushes(accountId: string, enabled: boolean) {
  return useQuery({
    queryKey: missedPushesQueryKeys.list({ accountId }),
    queryFn: ({ signal }) => request(MissedPushesQuery, { accountId, first: 50 }, { signal }),
    enabled,
  });
}

function usePushMutation<TData>(document: TypedDocumentNode<TData, { accountId: string }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => request(document, { accountId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsQueryKeys.lists() }),
  });
}

export const useSubscribePush = () => usePushMutation(SubscribePushMutation);
export const useSendPushTest = () => usePushMutation(SendPushTestMutation);
export const useUnsubscribePush = () => usePushMutation(UnsubscribePushMutation);
