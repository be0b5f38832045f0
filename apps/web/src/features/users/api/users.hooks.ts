import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InviteUserInput, UpdateUserInput } from '@/gql/graphql';
import { request } from '@/lib/api';
import { queryKeysFactory } from '@/lib/query-key-factory';
import {
  CreatePasswordResetLinkMutation,
  DisableUserMutation,
  EnableUserMutation,
  InviteUserMutation,
  ResetUserMfaMutation,
  UpdateUserMutation,
  UsersQuery,
} from './users.graphql';

export const usersQueryKeys = queryKeysFactory('users');

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: usersQueryKeys.lists(),
    queryFn: ({ signal }) => request(UsersQuery, {}, { signal }),
    enabled,
  });
}

/** Every change to a user shows in the list (and API tokens name their user). */
function useUserMutation<TVariables, TData>(mutationFn: (variables: TVariables) => Promise<TData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKeys.all }),
  });
}

export const useInviteUser = () => useUserMutation((input: InviteUserInput) => request(InviteUserMutation, { input }));
export const useUpdateUser = () =>
  useUserMutation((variables: { id: string; input: UpdateUserInput }) => request(UpdateUserMutation, variables));
export const useDisableUser = () => useUserMutation((id: string) => request(DisableUserMutation, { id }));
export const useEnableUser = () => useUserMutation((id: string) => request(EnableUserMutation, { id }));
export const useResetUserMfa = () => useUserMutation((id: string) => request(ResetUserMfaMutation, { id }));
export const useCreatePasswordResetLink = () =>
  useUserMutation((userId: string) => request(CreatePasswordResetLinkMutation, { userId }));
