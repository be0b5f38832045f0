// The app's single GraphQL client and query cache, wired to the session cookie and its CSRF token.
import { csrfToken } from './csrf-token';
import { createGraphQLClient } from './graphql-client';
import { createQueryClient } from './query-client';
import { SESSION_QUERY_KEY } from './session-query-key';

export const queryClient = createQueryClient();

export const request = createGraphQLClient({
  url: '/graphql',
  getCsrfToken: csrfToken.get,
  // Ask the server again: the layout then goes to sign-in or to the second factor, keeping the page's path.
  onSessionLost: () => void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }),
});
