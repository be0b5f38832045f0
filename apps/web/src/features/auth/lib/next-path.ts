import type { SessionStatus } from '@/gql/graphql';

/**
 * `next` when it is a path on this origin ("/orders/1?tab=x"), else the inbox: a sign-in link must never send
 * anyone to another site ("//evil.example", "https://…", "/\\evil.example").
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/^\/(sign-in|login)(\/|\?|$)/.test(next)) return '/';
  return next;
}

/** `/sign-in?next=<path>` for the page the person was on, so signing in brings them back there. */
export function signInPath(current: string): string {
  const next = safeNext(current);
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}

/** Where a session in `status` goes from the sign-in steps: the second factor first, then `next`. */
export function pathAfterSignIn(status: SessionStatus, next: string | null | undefined): string {
  const target = safeNext(next);
  const carry = target === '/' ? '' : `?next=${encodeURIComponent(target)}`;
  switch (status) {
    case 'SIGNED_IN':
      return target;
    case 'MFA_REQUIRED':
      return `/sign-in/mfa${carry}`;
    case 'MFA_ENROLMENT_REQUIRED':
      return `/mfa/enrol${carry}`;
  }
}
