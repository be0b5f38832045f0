import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BuyerMessageFilter, MailMessageFilter } from '@/gql/graphql';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import { alertsQueryKeys } from '@/features/alerts/api/alerts.hooks';
import {
  BuyerMessageCountsQuery,
  BuyerMessagesQuery,
  MailMessagesQuery,
  MarkBuyerMessageAnsweredMutation,
  MessageAccountsQuery,
  OrderMessagesQuery,
} from './messages.graphql';

export const MESSAGES_PAGE_SIZE = 50;
/** Mail is read every 2 minutes and the clocks move by themselves: poll. */
export const MESSAGES_POLL_MS = 30_000;
export const messagesQueryKeys = queryKeysFactory('messages');

export function useBuyerMessages(filter: BuyerMessageFilter, after: string | null) {
  const variables = { filter, first: MESSAGES_PAGE_SIZE, after };
  return useQuery({
    queryKey: messagesQueryKeys.list({ buyer: variables }),
    queryFn: ({ signal }) => request(BuyerMessagesQuery, variables, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: MESSAGES_POLL_MS,
  });
}

export function useMailMessages(filter: MailMessageFilter, after: string | null) {
  const variables = { filter, first: MESSAGES_PAGE_SIZE, after };
  return useQuery({
    queryKey: messagesQueryKeys.list({ mail: variables }),
    queryFn: ({ signal }) => request(MailMessagesQuery, variables, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: MESSAGES_POLL_MS,
  });
}

export function useBuyerMessageCounts() {
  return useQuery({
    queryKey: messagesQueryKeys.detail('counts'),
    queryFn: ({ signal }) => request(BuyerMessageCountsQuery, {}, { signal }),
    select: (data) => data.buyerMessageCounts,
    refetchInterval: 60_000,
  });
}

export function useOrderMessages(orderId: string) {
  return useQuery({
    queryKey: messagesQueryKeys.detail(`order:${orderId}`),
    queryFn: ({ signal }) => request(OrderMessagesQuery, { id: orderId }, { signal }),
    select: (data) => data.order,
    refetchInterval: MESSAGES_POLL_MS,
  });
}

export function useMessageAccounts() {
  return useQuery({
    queryKey: messagesQueryKeys.detail('accounts'),
    queryFn: ({ signal }) => request(MessageAccountsQuery, {}, { signal }),
    select: (data) => data.channelAccounts,
    staleTime: 60_000,
  });
}

/** Marking a message answered stops its clock and resolves its alerts. */
export function useMarkBuyerMessageAnswered() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; note: string }) => request(MarkBuyerMessageAnsweredMutation, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: messagesQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: alertsQueryKeys.all }),
      ]),
  });
}
