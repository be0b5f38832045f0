// A person's session with the api over plain HTTP, the way the console holds one: the session cookie plus the
// CSRF token the sign-in answer carries (sent as x-csrf-token on every cookie-authenticated POST).
export const SESSION_COOKIE = 'order_hub_session';

export type SessionStatus = 'SIGNED_IN' | 'MFA_REQUIRED' | 'MFA_ENROLMENT_REQUIRED';

export interface SessionBody {
  status: SessionStatus;
  csrfToken: string;
  user: { id: string; email: string; name: string; role: string };
}

export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
  }
}

function sessionCookieOf(response: Response): string | null {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const at = pair.indexOf('=');
    if (pair.slice(0, at).trim() === SESSION_COOKIE) return pair.slice(at + 1).trim();
  }
  return null;
}

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

export class SessionClient {
  private cookie: string | null = null;
  private csrfToken: string | null = null;
  status: SessionStatus | null = null;

  constructor(readonly baseUrl: string) {}

  /** The session cookie's value, to hand to a browser. */
  get secret(): string {
    if (!this.cookie) throw new Error('No session yet');
    return this.cookie;
  }

  async post<T = SessionBody>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie && { cookie: `${SESSION_COOKIE}=${this.cookie}` }),
        ...(this.csrfToken && { 'x-csrf-token': this.csrfToken }),
      },
      body: JSON.stringify(body),
    });
    // A new session (sign-in, accepted link, second factor) may come with a new cookie.
    this.cookie = sessionCookieOf(response) ?? this.cookie;
    const answer = await bodyOf(response);
    if (!response.ok) throw new RestError(response.status, answer, `POST ${path}`);
    const session = answer as Partial<SessionBody> | null;
    if (session?.csrfToken) this.csrfToken = session.csrfToken;
    if (session?.status) this.status = session.status;
    return answer as T;
  }

  /** GraphQL as this session; throws on any error so setup steps fail loudly. */
  async graphql<TData>(query: string, variables?: Record<string, unknown>): Promise<TData> {
    const body = await this.post<{ data?: TData; errors?: unknown }>('/graphql', { query, variables });
    if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  }
}
