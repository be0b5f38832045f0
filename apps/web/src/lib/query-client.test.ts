import { GraphQLRequestError } from './graphql-client';
import { shouldRetry } from './query-client';

test.each(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'HTTP_404'])('does not retry %s', (code) => {
  expect(shouldRetry(0, new GraphQLRequestError('no', code))).toBe(false);
});

test('retries server and network failures twice', () => {
  for (const error of [
    new GraphQLRequestError('down', 'NETWORK_ERROR'),
    new GraphQLRequestError('x', 'HTTP_503'),
    new TypeError('x'),
  ]) {
    expect(shouldRetry(0, error)).toBe(true);
    expect(shouldRetry(1, error)).toBe(true);
    expect(shouldRetry(2, error)).toBe(false);
  }
});
