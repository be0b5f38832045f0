import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { request } from '@/lib/api';
import { tokenStore } from '@/lib/token-store';
import { MeQuery } from './auth.graphql';

export const authQueryKeys = {
  all: ['auth'] as const,
  me: () => [...authQueryKeys.all, 'me'] as const,
};

export function useToken(): string | null {
  return useSyncExternalStore(tokenStore.subscribe, tokenStore.get);
}

export function useMe() {
  return useQuery({
    queryKey: authQueryKeys.me(),
    queryFn: ({ signal }) => request(MeQuery, {}, { signal }),
    staleTime: Infinity,
  });
}

/** Checks a token with `me` before keeping it, so a typo never becomes the session's token. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (token: string) => ({ token, data: await request(MeQuery, {}, { token }) }),
    onSuccess: ({ token, data }) => {
      queryClient.setQueryData(authQueryKeys.me(), data);
      tokenStore.set(token);
    },
  });
}
