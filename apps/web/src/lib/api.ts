// The app's single GraphQL client and query cache, wired to the stored token.
import { createGraphQLClient } from './graphql-client';
import { createQueryClient } from './query-client';
import { tokenStore } from './token-store';

export const queryClient = createQueryClient();

export function signOut() {
  tokenStore.clear();
  queryClient.clear();
}

export const request = createGraphQLClient({
  url: '/graphql',
  getToken: tokenStore.get,
  onUnauthenticated: signOut,
});
