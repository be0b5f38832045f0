import type { ApiRole, UserStatus } from '@order-hub/types';
import { hashPassword } from '../../src/modules/auth/passwords/password';
import type { UserEntity } from '../../src/modules/users/user.entity';
import { UsersRepository } from '../../src/modules/users/users.repository';
import type { GraphqlResponse, TestApp } from './test-app';

export const SESSION_COOKIE = 'order_hub_session';

/** A person with a password, written straight through the users repository (the invitation flow has its tests). */
export async function createPerson(
  app: TestApp,
  person: { email: string; password: string; role: ApiRole; name?: string; status?: UserStatus },
): Promise<UserEntity> {
  return app.running.app.get(UsersRepository).insert({
    email: person.email,
    emailKey: person.email.trim().toLowerCase(),
    name: person.name ?? person.email.split('@')[0],
    role: person.role,
    status: person.status ?? 'ACTIVE',
    passwordHash: await hashPassword(person.password),
    createdBy: 'system:test',
  });
}

export interface HttpAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
  /** The Set-Cookie lines of the answer. */
  setCookies: string[];
}

/** A JSON request over real HTTP; `cookie` is the session secret, `csrf` the x-csrf-token header. */
export async function request<T = any>(
  app: TestApp,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; cookie?: string | null; csrf?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer<T>> {
  const res = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.cookie ? { cookie: `${SESSION_COOKIE}=${options.cookie}` } : {}),
      ...(options.csrf ? { 'x-csrf-token': options.csrf } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : null) as T,
    headers: res.headers,
    setCookies: res.headers.getSetCookie(),
  };
}

/** The session secret a Set-Cookie line sets; null when the answer sets none (or clears it). */
export function sessionCookieOf(answer: HttpAnswer): string | null {
  const line = answer.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  const value = line?.slice(SESSION_COOKIE.length + 1).split(';')[0];
  return value ? value : null;
}

export interface Session {
  cookie: string;
  csrf: string;
  body: any;
}

/** Signs in with a password; throws unless the answer is 200 with a cookie. */
export async function signIn(
  app: TestApp,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Session> {
  const answer = await request(app, 'POST', '/auth/sign-in', { body: { email, password }, headers });
  const cookie = sessionCookieOf(answer);
  if (answer.status !== 200 || !cookie) {
    throw new Error(`sign-in of ${email} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return { cookie, csrf: answer.body.csrfToken, body: answer.body };
}

/** A GraphQL operation with the session cookie (and its CSRF token unless `csrf: null`), by POST or GET. */
export async function sessionGql<T = Record<string, any>>(
  app: TestApp,
  session: Pick<Session, 'cookie' | 'csrf'>,
  query: string,
  variables: Record<string, unknown> = {},
  options: { csrf?: string | null; method?: 'GET' | 'POST' } = {},
): Promise<GraphqlResponse<T>> {
  const csrf = options.csrf === undefined ? session.csrf : options.csrf;
  const headers: Record<string, string> = {
    cookie: `${SESSION_COOKIE}=${session.cookie}`,
    ...(csrf ? { 'x-csrf-token': csrf } : {}),
  };
  const res =
    options.method === 'GET'
      ? await fetch(
          `${app.baseUrl}/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables) }).toString()}`,
          {
            headers,
          },
        )
      : await fetch(`${app.baseUrl}/graphql`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
  const body = (await res.json()) as { data?: any; errors?: any };
  return { status: res.status, data: body.data ?? null, errors: body.errors };
}
