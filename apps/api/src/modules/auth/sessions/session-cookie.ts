import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'order_hub_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Sets the session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (other sites' forms and fetches do not
 * carry it), Secure when the request came over HTTPS (`req.protocol` honours TRUST_PROXY's X-Forwarded-Proto).
 * No Max-Age: it ends when the browser closes, and the server ends it earlier (idle and absolute timeouts).
 */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, secret: string): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
}

/** The session secret the request's cookie carries; null when there is none. */
export function sessionSecretOf(req: FastifyRequest): string | null {
  const value = req.cookies?.[SESSION_COOKIE];
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
}

/** The `x-csrf-token` header (the last one, when repeated). */
export function csrfHeaderOf(req: Pick<FastifyRequest, 'headers'>): string | undefined {
  const value = req.headers[CSRF_HEADER];
  return Array.isArray(value) ? value[value.length - 1] : value;
}
