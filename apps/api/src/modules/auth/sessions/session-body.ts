import type { ApiRole, SessionStatus } from '@order-hub/types';
import type { Person } from '../person';
import { csrfTokenFor } from './session-secret';
import type { UserSessionEntity } from './user-session.entity';

/**
 * What every sign-in step (password, invitation, reset, second factor) and `GET /auth/session` answer: where the
 * session stands, the CSRF token the console sends back as `x-csrf-token`, who is signed in and until when.
 */
export interface SessionBody {
  status: SessionStatus;
  csrfToken: string;
  user: { id: string; email: string; name: string; role: ApiRole; mfaEnabled: boolean };
  expiresAt: string;
  idleExpiresAt: string;
}

export function sessionBody(
  secret: string,
  session: Pick<UserSessionEntity, 'expiresAt' | 'lastSeenAt'>,
  user: Pick<Person, 'id' | 'email' | 'name' | 'role' | 'totpEnabledAt'>,
  status: SessionStatus,
  idleMs: number,
): SessionBody {
  return {
    status,
    csrfToken: csrfTokenFor(secret),
    user: { id: user.id, email: user.email, name: user.name, role: user.role, mfaEnabled: user.totpEnabledAt !== null },
    expiresAt: session.expiresAt.toISOString(),
    idleExpiresAt: new Date(Math.min(session.lastSeenAt.getTime() + idleMs, session.expiresAt.getTime())).toISOString(),
  };
}
