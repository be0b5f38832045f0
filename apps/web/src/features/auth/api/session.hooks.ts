import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SESSION_QUERY_KEY } from '@/lib/session-query-key';
import { csrfToken } from '@/lib/csrf-token';
import { sessionApi, type SessionInfo, type SignInResult } from './session.api';

export const sessionQueryKey = SESSION_QUERY_KEY;

/** GET /auth/session; null when signed out. Keeps the CSRF token for the requests that follow. */
export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: async () => {
      const session = await sessionApi.current();
      csrfToken.set(session?.csrfToken ?? null);
      return session;
    },
    staleTime: 60_000,
  });
}

export function useAuthOptions() {
  return useQuery({ queryKey: ['auth-options'], queryFn: sessionApi.options, staleTime: Infinity });
}

/**
 * Every way into a session (password, second factor, invitation, reset) ends here: another person may have
 * used this tab before, so nothing cached for them survives; the new session is kept as the current one.
 */
function useSessionStart<TInput>(start: (input: TInput) => Promise<SignInResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: start,
    onSuccess: (result) => {
      csrfToken.set(result.csrfToken);
      queryClient.clear();
      queryClient.setQueryData<SessionInfo | null>(sessionQueryKey, (previous) => ({
        expiresAt: previous?.expiresAt ?? '',
        idleExpiresAt: previous?.idleExpiresAt ?? '',
        ...result,
      }));
      // The exact expiry times come from the server.
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}

export const useSignIn = () => useSessionStart(sessionApi.signIn);
export const useSecondFactor = () => useSessionStart(sessionApi.secondFactor);
export const useAcceptInvitation = () => useSessionStart(sessionApi.acceptInvitation);
export const useResetPassword = () => useSessionStart(sessionApi.resetPassword);

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: sessionApi.requestPasswordReset });
}

/** Forgets everything this tab knew, whatever the server said: the caller goes to sign-in either way. */
function forgetSession(queryClient: QueryClient) {
  csrfToken.set(null);
  queryClient.clear();
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: sessionApi.signOut, onSettled: () => forgetSession(queryClient) });
}

export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: sessionApi.signOutEverywhere, onSettled: () => forgetSession(queryClient) });
}
