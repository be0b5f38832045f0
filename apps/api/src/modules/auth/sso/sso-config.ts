import { ApiRole } from '@order-hub/types';
import { z } from 'zod';

/** https, or http on this machine only (a local test issuer): an issuer's answers decide who signs in. */
function isIssuerUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.search || url.hash) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** The OpenID Connect variables, spread into the config's environment schema. */
export const SSO_VARIABLES = {
  OIDC_ISSUER: z
    .string()
    .refine(isIssuerUrl, {
      message: 'must be the issuer URL, such as https://accounts.google.com (http:// only for localhost)',
    })
    .optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_LABEL: z.string().trim().min(1).max(60, { message: 'must be at most 60 characters' }).optional(),
  OIDC_AUTO_CREATE_ROLE: z
    .enum([ApiRole.VIEWER, ApiRole.OPERATOR], {
      message: 'must be VIEWER or OPERATOR (unset: only existing users may sign in with SSO)',
    })
    .optional(),
};

type SsoEnvironment = { [K in keyof typeof SSO_VARIABLES]?: z.infer<(typeof SSO_VARIABLES)[K]> };

export interface SsoSettings {
  /** The issuer's identifier, exactly as its discovery document must name it. */
  issuer: string;
  clientId: string;
  /** Null: a public client (PKCE only, no client authentication at the token endpoint). */
  clientSecret: string | null;
  /** The sign-in page's button text. */
  label: string;
  /** Role given to a person the hub does not know yet; null: only existing users may sign in with SSO. */
  autoCreateRole: 'VIEWER' | 'OPERATOR' | null;
}

export const DEFAULT_SSO_LABEL = 'Sign in with SSO';

/** The SSO settings, or null when OIDC_ISSUER is unset; `fail` reports a variable missing its partner. */
export function ssoConfigFrom(env: SsoEnvironment, fail: (message: string) => never): SsoSettings | null {
  if (!env.OIDC_ISSUER) {
    const stray = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_AUTO_CREATE_ROLE'] as const).find((k) => env[k]);
    if (stray) fail(`${stray} needs OIDC_ISSUER (the identity provider to sign in with)`);
    return null;
  }
  if (!env.OIDC_CLIENT_ID)
    fail('OIDC_CLIENT_ID must be set when OIDC_ISSUER is (the client id the issuer gave the hub)');
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET ?? null,
    label: env.OIDC_LABEL ?? DEFAULT_SSO_LABEL,
    autoCreateRole: env.OIDC_AUTO_CREATE_ROLE ?? null,
  };
}
