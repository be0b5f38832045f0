import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConnectMailboxInput, UpdateMailboxInput } from '@/gql/graphql';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import {
  ConnectMailboxMutation,
  MailboxesQuery,
  RefreshMailboxMutation,
  RemoveMailboxMutation,
  UpdateMailboxMutation,
} from './mailbox.graphql';

export const mailboxQueryKeys = queryKeysFactory('mailboxes');

/** Read every 2 minutes by the server; faster while a read runs so "Read now" shows its end. */
export function useMailboxes() {
  return useQuery({
    queryKey: mailboxQueryKeys.all,
    queryFn: ({ signal }) => request(MailboxesQuery, {}, { signal }),
    refetchInterval: (query) => (query.state.data?.mailboxes.some((m) => m.sync.running) ? 2_000 : 30_000),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: mailboxQueryKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['messages'] }),
    ]);
}

export function useConnectMailbox() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ConnectMailboxInput) => request(ConnectMailboxMutation, { input }),
    onSuccess: invalidate,
  });
}

export function useUpdateMailbox() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (variables: { id: string; input: UpdateMailboxInput }) => request(UpdateMailboxMutation, variables),
    onSuccess: invalidate,
  });
}

export function useRemoveMailbox() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => request(RemoveMailboxMutation, { id }),
    onSuccess: invalidate,
  });
}

export function useRefreshMailbox() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => request(RefreshMailboxMutation, { id }),
    onSettled: invalidate,
  });
}
