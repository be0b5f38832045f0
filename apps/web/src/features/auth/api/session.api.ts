// The REST /auth/* endpoints the console signs in with (JSON; the session itself is an httpOnly cookie).
import type { SessionStatus } from '@/gql/graphql';
import { authRequest } from '@/lib/auth-request';

export type Role = 'VIEWER' | 'OPERATOR' | 'ADMIN';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  mfaEnabled?: boolean;
}

/** What sign-in, the second factor, an accepted invitation and a password reset answer. */
export interface SignInResult {
  status: SessionStatus;
  csrfToken: string;
  user: SessionUser;
}

export interface SessionInfo extends SignInResult {
  expiresAt: string;
  idleExpiresAt: string;
}

export interface AuthOptions {
  passwordSignIn: boolean;
  /** The single-sign-on button's words, when an OIDC issuer is configured. */
  sso: { label: string } | null;
  /** Whether "Forgot password?" can e-mail a link (SMTP is configured). */
  passwordReset: boolean;
}

export const sessionApi = {
  /** null: no session (401), so the console signs in. */
  current: async (): Promise<SessionInfo | null> => {
    try {
      return await authRequest<SessionInfo>('GET', '/auth/session');
    } catch (error) {
      if ((error as { status?: number }).status === 401) return null;
      throw error;
    }
  },
  options: () => authRequest<AuthOptions>('GET', '/auth/options'),
  signIn: (body: { email: string; password: string }) => authRequest<SignInResult>('POST', '/auth/sign-in', body),
  secondFactor: (code: string) => authRequest<SignInResult>('POST', '/auth/mfa', { code }),
  signOut: () => authRequest<null>('POST', '/auth/sign-out'),
  signOutEverywhere: () => authRequest<null>('POST', '/auth/sign-out-everywhere'),
  acceptInvitation: (body: { secret: string; password: string; name?: string }) =>
    authRequest<SignInResult>('POST', '/auth/invitations/accept', body),
  resetPassword: (body: { secret: string; password: string }) =>
    authRequest<SignInResult>('POST', '/auth/password-reset', body),
  requestPasswordReset: (email: string) =>
    authRequest<{ message?: string } | null>('POST', '/auth/password-reset/request', { email }),
};
