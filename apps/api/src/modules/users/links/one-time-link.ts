import { createHash, randomBytes } from 'node:crypto';
import { UserLinkPurpose } from '@order-hub/types';

/** An invitation works for 7 days, a password reset for 1 hour. */
export const LINK_VALIDITY_MS: Record<UserLinkPurpose, number> = {
  [UserLinkPurpose.INVITATION]: 7 * 24 * 60 * 60_000,
  [UserLinkPurpose.PASSWORD_RESET]: 60 * 60_000,
};

const LINK_PATH: Record<UserLinkPurpose, string> = {
  [UserLinkPurpose.INVITATION]: '/invite',
  [UserLinkPurpose.PASSWORD_RESET]: '/reset-password',
};

/** 32 random bytes, base64url (43 characters). */
export function newLinkSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashLinkSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The console page that uses the link, the secret in the fragment so it never reaches a server's logs. */
export function linkUrl(origin: string, purpose: UserLinkPurpose, secret: string): string {
  return `${origin.replace(/\/$/, '')}${LINK_PATH[purpose]}#${secret}`;
}
