import { authRequest, AuthRequestError } from '@/lib/auth-request';

type Handler = (body: unknown) => unknown;

/**
 * Answers REST /auth/* calls by "METHOD /path" through the mocked `authRequest`
 * (jest.mock('@/lib/auth-request', …) keeping AuthRequestError real), recording them. A handler throws an
 * AuthRequestError for a refusal; `refuse(401, 'Wrong e-mail or password.')` builds one.
 */
export function serveAuth(handlers: Record<string, Handler>) {
  const calls: { route: string; body: unknown }[] = [];
  (
    authRequest as unknown as {
      mockImplementation: (fn: (method: string, path: string, body?: unknown) => Promise<unknown>) => void;
    }
  ).mockImplementation((method: string, path: string, body?: unknown) => {
    const route = `${method} ${path}`;
    calls.push({ route, body });
    const handler = handlers[route];
    if (!handler) return Promise.reject(new AuthRequestError(`no handler for ${route}`, 404));
    try {
      return Promise.resolve(handler(body));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  return calls;
}

export function refuse(
  status: number,
  message: string,
  field: string | null = null,
  retryAfterSeconds: number | null = null,
): never {
  throw new AuthRequestError(message, status, field, retryAfterSeconds);
}
