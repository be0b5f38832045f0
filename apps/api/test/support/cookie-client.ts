import type { TestApp } from './test-app';

const COOKIE = 'order_hub_session';

export interface RestAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * One browser over real HTTP: keeps the session cookie the api sets and the CSRF token its sign-in bodies carry,
 * and sends both back (the token as `x-csrf-token`) like the console does.
 */
export class CookieClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(private readonly app: Pick<TestApp, 'baseUrl'>) {}

  async post<T = any>(path: string, body: unknown): Promise<RestAnswer<T>> {
    return this.send<T>('POST', path, body);
  }

  async get<T = any>(path: string): Promise<RestAnswer<T>> {
    return this.send<T>('GET', path);
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}) {
    const { body } = await this.post<{ data: T | null; errors?: { message: string; extensions: { code: string } }[] }>(
      '/graphql',
      { query, variables },
    );
    return body;
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<RestAnswer<T>> {
    const res = await fetch(`${this.app.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: `${COOKIE}=${this.cookie}` } : {}),
        ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const header of res.headers.getSetCookie()) {
      const [name, value] = header.split(';')[0].split('=');
      if (name === COOKIE) this.cookie = value || null;
    }
    const text = await res.text();
    const parsed = (text ? JSON.parse(text) : null) as T;
    const token = (parsed as { csrfToken?: unknown } | null)?.csrfToken;
    if (typeof token === 'string') this.csrfToken = token;
    return { status: res.status, body: parsed, headers: res.headers };
  }
}
