/** @jest-environment node */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MeQuery } from '@/features/auth/api/auth.graphql';
import { OrderQuery } from '@/features/shared/api/orders.graphql';
import { createGraphQLClient, GraphQLRequestError } from './graphql-client';

interface Received {
  headers: IncomingMessage['headers'];
  body: { query: string; variables: unknown };
}

let server: Server;
let url: string;
let received: Received[];
let reply: (res: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(raw) as Received['body'] });
      reply(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(() => {
  received = [];
});

function json(status: number, payload: unknown) {
  return (res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  };
}

function client(csrf: string | null = 'csrf-of-the-session') {
  const onSessionLost = jest.fn();
  const request = createGraphQLClient({ url, getCsrfToken: () => csrf, onSessionLost });
  return { request, onSessionLost };
}

async function failure(promise: Promise<unknown>): Promise<GraphQLRequestError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GraphQLRequestError);
  return error as GraphQLRequestError;
}

test('posts the printed document with variables and the session’s CSRF token, and returns data', async () => {
  reply = json(200, { data: { order: null } });
  const { request } = client();

  await expect(request(OrderQuery, { id: 'o-1' })).resolves.toEqual({ order: null });

  expect(received).toHaveLength(1);
  expect(received[0].headers['x-csrf-token']).toBe('csrf-of-the-session');
  expect(received[0].headers.authorization).toBeUndefined();
  expect(received[0].headers['content-type']).toBe('application/json');
  expect(received[0].body.variables).toEqual({ id: 'o-1' });
  expect(received[0].body.query).toMatch(/query Order\(\$id: ID!\) \{\s+order\(id: \$id\)/);
});

test('sends no CSRF header before the tab knows its session', async () => {
  reply = json(200, { data: { me: { name: 'n', role: 'ADMIN' } } });
  await client(null).request(MeQuery, {});
  expect(received[0].headers['x-csrf-token']).toBeUndefined();
});

test('maps a GraphQL error to its extensions.code', async () => {
  reply = json(200, { data: null, errors: [{ message: 'Order is locked', extensions: { code: 'FORBIDDEN' } }] });
  const { request, onSessionLost } = client();

  const error = await failure(request(MeQuery, {}));

  expect(error.message).toBe('Order is locked');
  expect(error.code).toBe('FORBIDDEN');
  expect(error.errors).toHaveLength(1);
  expect(error.field).toBeNull();
  expect(onSessionLost).not.toHaveBeenCalled();
});

test('exposes the input path a BAD_USER_INPUT error names', async () => {
  reply = json(200, {
    data: null,
    errors: [
      {
        message: 'input.credentials.refreshToken: refreshToken is required.',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.credentials.refreshToken' },
      },
    ],
  });
  const error = await failure(client().request(MeQuery, {}));
  expect(error.code).toBe('BAD_USER_INPUT');
  expect(error.field).toBe('input.credentials.refreshToken');
});

test('reports the session as lost on UNAUTHENTICATED and on MFA_REQUIRED', async () => {
  const { request, onSessionLost } = client();
  reply = json(200, {
    data: null,
    errors: [{ message: 'Your session has ended: sign in again.', extensions: { code: 'UNAUTHENTICATED' } }],
  });
  expect((await failure(request(MeQuery, {}))).code).toBe('UNAUTHENTICATED');
  reply = json(200, {
    data: null,
    errors: [{ message: 'Finish signing in with your second factor first.', extensions: { code: 'MFA_REQUIRED' } }],
  });
  expect((await failure(request(MeQuery, {}))).code).toBe('MFA_REQUIRED');
  expect(onSessionLost.mock.calls).toEqual([['UNAUTHENTICATED'], ['MFA_REQUIRED']]);
});

test('a bare HTTP 401 is a lost session too', async () => {
  reply = (res) => {
    res.writeHead(401, { 'content-type': 'text/plain' });
    res.end('no');
  };
  const { request, onSessionLost } = client();
  const error = await failure(request(MeQuery, {}));
  expect(error.code).toBe('UNAUTHENTICATED');
  expect(error.message).toBe('Your session has ended: sign in again.');
  expect(onSessionLost).toHaveBeenCalledWith('UNAUTHENTICATED');
});

test('reports a non-GraphQL HTTP failure by status', async () => {
  reply = (res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html>Bad gateway</html>');
  };
  const error = await failure(client().request(MeQuery, {}));
  expect(error.code).toBe('HTTP_502');
  expect(error.message).toContain('502');
});

test('reports an error without a code as INTERNAL_SERVER_ERROR', async () => {
  reply = json(200, { errors: [{ message: 'boom' }] });
  expect((await failure(client().request(MeQuery, {}))).code).toBe('INTERNAL_SERVER_ERROR');
});

test('reports an unreachable server as NETWORK_ERROR', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));

  const request = createGraphQLClient({
    url: `http://127.0.0.1:${port}/graphql`,
    getCsrfToken: () => null,
    onSessionLost: () => undefined,
  });
  expect((await failure(request(MeQuery, {}))).code).toBe('NETWORK_ERROR');
});
