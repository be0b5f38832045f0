import { csrfToken } from './csrf-token';

/** A refused /auth/* request, in the words the server chose (they are written for people). */
export class AuthRequestError extends Error {
  override readonly name = 'AuthRequestError';

  constructor(
    message: string,
    readonly status: number,
    /** The input the server named (`field` or `extensions.field`), e.g. `password` or `input.password`. */
    readonly fieldPath: string | null = null,
    /** With 429: how long the lockout still lasts. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  /** The named input's own name: the last segment of its path. */
  get field(): string | null {
    return this.fieldPath?.split('.').pop() ?? null;
  }
}

interface ErrorBody {
  message?: unknown;
  field?: unknown;
  retryAfterSeconds?: unknown;
  extensions?: { field?: unknown };
}

/**
 * Calls the REST /auth/* endpoints with the session cookie, and the CSRF token when the tab has one (sign-in,
 * invitation and reset have none yet, and the server does not ask for it there). Answers without a body
 * (204) resolve to null.
 */
export async function authRequest<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = csrfToken.get();
  if (method === 'POST' && csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    throw new AuthRequestError(`Cannot reach the server: ${(cause as Error).message}`, 0);
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (response.ok) return parsed as T;
  throw errorOf(response, parsed as ErrorBody | null);
}

function errorOf(response: Response, body: ErrorBody | null): AuthRequestError {
  const message =
    typeof body?.message === 'string' && body.message
      ? body.message
      : `The server answered ${response.status} ${response.statusText}`.trim();
  const rawField = body?.field ?? body?.extensions?.field;
  const field = typeof rawField === 'string' && rawField ? rawField : null;
  const header = Number(response.headers.get('retry-after'));
  const retryAfterSeconds =
    typeof body?.retryAfterSeconds === 'number'
      ? body.retryAfterSeconds
      : Number.isFinite(header) && header > 0
        ? header
        : null;
  return new AuthRequestError(message, response.status, field, retryAfterSeconds);
}
