// The people the browser tests sign in as: invited, activated and enrolled in TOTP over the api's own endpoints
// (the new users suite does the same through the console).
import { randomBytes } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { Authenticator } from './totp';
import { SESSION_COOKIE, SessionClient } from './session-client';

export type Role = 'VIEWER' | 'OPERATOR' | 'ADMIN';

export interface Person {
  id: string;
  email: string;
  name: string;
  role: Role;
  password: string;
  /** Null when the person has no second factor (MFA not required of them). */
  authenticator: Authenticator | null;
  recoveryCodes: string[];
}

/** Long enough and far from any common-password list. */
export const newPassword = () => `e2e pass-phrase ${randomBytes(6).toString('hex')}`;

/** The secret of an invitation or reset link: the part after '#', so it never reaches a server log. */
export function linkSecret(link: string): string {
  const secret = new URL(link).hash.slice(1);
  if (!secret) throw new Error(`The link ${link} has no secret after '#'`);
  return secret;
}

/**
 * Opens an invitation link as its person: sets the password, enrols TOTP when the hub asks for it.
 * Returns the person and the session the link created.
 */
export async function acceptInvitation(
  baseUrl: string,
  link: string,
  who: { name: string; role: Role },
): Promise<{ person: Person; session: SessionClient }> {
  const session = new SessionClient(baseUrl);
  const password = newPassword();
  const accepted = await session.post('/auth/invitations/accept', {
    secret: linkSecret(link),
    password,
    name: who.name,
  });
  const person: Person = {
    id: accepted.user.id,
    email: accepted.user.email,
    name: accepted.user.name,
    role: who.role,
    password,
    authenticator: null,
    recoveryCodes: [],
  };
  if (accepted.status === 'MFA_ENROLMENT_REQUIRED') await enrolTotp(session, person);
  if (session.status !== 'SIGNED_IN') throw new Error(`${person.email} is not signed in after the invitation`);
  return { person, session };
}

export async function enrolTotp(session: SessionClient, person: Person): Promise<void> {
  const { startTotpEnrolment } = await session.graphql<{ startTotpEnrolment: { secret: string } }>(
    'mutation { startTotpEnrolment { secret } }',
  );
  person.authenticator = new Authenticator(startTotpEnrolment.secret);
  const { confirmTotpEnrolment } = await session.graphql<{ confirmTotpEnrolment: { codes: string[] } }>(
    'mutation Confirm($code: String!) { confirmTotpEnrolment(code: $code) { codes } }',
    { code: await person.authenticator.code() },
  );
  person.recoveryCodes = confirmTotpEnrolment.codes;
  session.status = 'SIGNED_IN';
}

/** Signs in over REST with the password and, when asked, the current TOTP code. */
export async function signInOverRest(baseUrl: string, person: Person): Promise<SessionClient> {
  const session = new SessionClient(baseUrl);
  const signedIn = await session.post('/auth/sign-in', { email: person.email, password: person.password });
  if (signedIn.status === 'MFA_REQUIRED') {
    if (!person.authenticator) throw new Error(`${person.email} is asked for a second factor but has none`);
    await session.post('/auth/mfa', { code: await person.authenticator.code() });
  }
  if (session.status !== 'SIGNED_IN') throw new Error(`${person.email} could not sign in: ${session.status}`);
  return session;
}

/** The fast way into the console for suites about something else: a REST session's cookie in the browser. */
export async function signInBrowser(context: BrowserContext, baseUrl: string, person: Person): Promise<void> {
  const session = await signInOverRest(baseUrl, person);
  await context.addCookies([
    { name: SESSION_COOKIE, value: session.secret, url: baseUrl, httpOnly: true, sameSite: 'Lax' },
  ]);
}
