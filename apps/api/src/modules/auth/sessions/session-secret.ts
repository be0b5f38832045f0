import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new session secret: 256 random bits, only ever in the cookie (the table keeps its hash). */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * The session's CSRF token (synchronizer token, derived so nothing more is stored): the console reads it from the
 * session body and sends it as `x-csrf-token`; another site can send the cookie but cannot read the token.
 */
export function csrfTokenFor(secret: string): string {
  return createHmac('sha256', secret).update('csrf').digest('base64url');
}

/** Whether `sent` is the session's CSRF token, compared in constant time. */
export function csrfTokenMatches(secret: string, sent: string | undefined): boolean {
  if (!sent) return false;
  const expected = Buffer.from(csrfTokenFor(secret));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
