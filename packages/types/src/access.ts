/** Roles of API tokens, each including the rights of the ones before it. */
export const ApiRole = {
  VIEWER: 'VIEWER',
  OPERATOR: 'OPERATOR',
  ADMIN: 'ADMIN',
} as const;
export type ApiRole = (typeof ApiRole)[keyof typeof ApiRole];

const RANK: Record<ApiRole, number> = { VIEWER: 0, OPERATOR: 1, ADMIN: 2 };

export function roleAtLeast(role: ApiRole, required: ApiRole): boolean {
  return RANK[role] >= RANK[required];
}

/** A person's account: invited (no password yet), active, or disabled (sessions and tokens stop at once). */
export const UserStatus = {
  INVITED: 'INVITED',
  ACTIVE: 'ACTIVE',
  DISABLED: 'DISABLED',
} as const;
export type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];

/**
 * Where a signed-in session stands: SIGNED_IN works; the other two only reach `me` and MFA enrolment until the
 * second factor is given (MFA_REQUIRED) or set up (MFA_ENROLMENT_REQUIRED).
 */
export const SessionStatus = {
  SIGNED_IN: 'SIGNED_IN',
  MFA_REQUIRED: 'MFA_REQUIRED',
  MFA_ENROLMENT_REQUIRED: 'MFA_ENROLMENT_REQUIRED',
} as const;
export type SessionStatus = (typeof SessionStatus)[keyof typeof SessionStatus];

/** How a session's person proved who they are first. */
export const SignInMethod = {
  PASSWORD: 'PASSWORD',
  SSO: 'SSO',
  INVITATION: 'INVITATION',
  PASSWORD_RESET: 'PASSWORD_RESET',
} as const;
export type SignInMethod = (typeof SignInMethod)[keyof typeof SignInMethod];

/** A one-time link e-mailed or copied by an admin. */
export const UserLinkPurpose = { INVITATION: 'INVITATION', PASSWORD_RESET: 'PASSWORD_RESET' } as const;
export type UserLinkPurpose = (typeof UserLinkPurpose)[keyof typeof UserLinkPurpose];

/**
 * Whether a person must use a second factor: always for ADMIN; for everyone when the admin says so, and by
 * default (no choice made) whenever a connected account's channel asks for MFA on everyone who sees its buyers'
 * data (the rules' buyer-data policy says which: Amazon's Data Protection Policy does).
 */
export function mfaRequired(
  role: ApiRole,
  requireMfaSetting: boolean | null,
  connectedChannelRequiresMfa: boolean,
): boolean {
  if (role === ApiRole.ADMIN) return true;
  return requireMfaSetting ?? connectedChannelRequiresMfa;
}
