/** @jest-environment node */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authRequest, AuthRequestError } from './auth-request';
import { csrfToken } from './csrf-token';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
let received: Received[];
let reply: (res: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body: raw });
      reply(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  received = [];
  csrfToken.set(null);
});

const json =
  (status: number, payload: unknown, headers: Record<string, string> = {}) =>
  (res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(payload));
  };

async function refusal(promise: Promise<unknown>): Promise<AuthRequestError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthRequestError);
  return error as AuthRequestError;
}

test('posts JSON with the CSRF token once the tab has one; a GET never carries it', async () => {
  reply = json(200, { status: 'SIGNED_IN' });
  await authRequest('POST', `${base}/auth/sign-in`, { email: 'a@x.com', password: 'p' });
  expect(received[0].headers['x-csrf-token']).toBeUndefined();
  expect(received[0].headers['content-type']).toBe('application/json');
  expect(JSON.parse(received[0].body)).toEqual({ email: 'a@x.com', password: 'p' });

  csrfToken.set('csrf-1');
  reply = (res) => {
    res.writeHead(204);
    res.end();
  };
  await expect(authRequest('POST', `${base}/auth/sign-out`)).resolves.toBeNull();
  expect(received[1].headers['x-csrf-token']).toBe('csrf-1');
  reply = json(200, { status: 'SIGNED_IN' });
  await authRequest('GET', `${base}/auth/session`);
  expect(received[2].headers['x-csrf-token']).toBeUndefined();
});

test('a refusal keeps the server’s words, its status, the field it names and the lockout’s length', async () => {
  reply = json(401, { message: 'Wrong e-mail or password.' });
  const wrong = await refusal(authRequest('POST', `${base}/auth/sign-in`, {}));
  expect([wrong.status, wrong.message, wrong.field]).toEqual([401, 'Wrong e-mail or password.', null]);

  reply = json(429, { message: 'Too many failed sign-ins: try again in 3 minutes.' }, { 'retry-after': '170' });
  expect((await refusal(authRequest('POST', `${base}/auth/sign-in`, {}))).retryAfterSeconds).toBe(170);

  reply = json(400, { message: 'password: is too common', field: 'password' });
  const weak = await refusal(authRequest('POST', `${base}/auth/password-reset`, {}));
  expect([weak.field, weak.fieldPath]).toEqual(['password', 'password']);

  reply = json(400, { message: 'input.name: too long', extensions: { field: 'input.name' } });
  expect((await refusal(authRequest('POST', `${base}/auth/invitations/accept`, {}))).field).toBe('name');
});

test('an answer without words says its status; an unreachable server says so', async () => {
  reply = (res) => {
    res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html' });
    res.end('<html>');
  };
  const gateway = await refusal(authRequest('GET', `${base}/auth/session`));
  expect([gateway.status, gateway.message]).toEqual([502, 'The server answered 502 Bad Gateway']);

  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const unreachable = await refusal(authRequest('GET', `http://127.0.0.1:${port}/auth/session`));
  expect(unreachable.status).toBe(0);
  expect(unreachable.message).toMatch(/^Cannot reach the server/);
});
