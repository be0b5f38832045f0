import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '@/lib/api';
import {
  ConfirmTotpEnrolmentMutation,
  MeQuery,
  RegenerateRecoveryCodesMutation,
  StartTotpEnrolmentMutation,
} from './auth.graphql';
import { sessionQueryKey } from './session.hooks';

export const authQueryKeys = {
  all: ['auth'] as const,
  me: () => [...authQueryKeys.all, 'me'] as const,
};

export function useMe() {
  return useQuery({
    queryKey: authQueryKeys.me(),
    queryFn: ({ signal }) => request(MeQuery, {}, { signal }),
    staleTime: Infinity,
  });
}

export function useStartTotpEnrolment() {
  return useMutation({ mutationFn: () => request(StartTotpEnrolmentMutation, {}) });
}

/** Confirming passes the session's second factor: the session and `me` change with it. */
export function useConfirmTotpEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => request(ConfirmTotpEnrolmentMutation, { code }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
        queryClient.invalidateQueries({ queryKey: authQueryKeys.all }),
      ]),
  });
}

export function useRegenerateRecoveryCodes() {
  return useMutation({ mutationFn: (code: string) => request(RegenerateRecoveryCodesMutation, { code }) });
}
