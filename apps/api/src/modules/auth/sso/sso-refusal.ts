import * as oidc from 'openid-client';

/**
 * Why an SSO sign-in was refused, in words for the sign-in page (the console shows `message` as given), and a
 * short reason for the audit trail and the log.
 */
export class SsoRefusal extends Error {
  /** Who the issuer said was signing in, when the refusal is about the person rather than the protocol. */
  about: { issuer: string; subject: string; email: string | null; userId: string | null } | null = null;

  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'SsoRefusal';
  }
}

const START_AGAIN = 'start again.';

export const SsoRefusals = {
  notConfigured: () =>
    new SsoRefusal(
      'not-configured',
      'Single sign-on is not set up on this hub: sign in with your e-mail and password.',
    ),
  state: () =>
    new SsoRefusal('state', `The sign-in response did not match this browser's request (state): ${START_AGAIN}`),
  nonce: () =>
    new SsoRefusal('nonce', `The sign-in response did not match this browser's request (nonce): ${START_AGAIN}`),
  issuer: () =>
    new SsoRefusal(
      'issuer',
      `The sign-in response did not come from the identity provider this hub trusts (issuer): ${START_AGAIN}`,
    ),
  unreachable: (issuer: string) =>
    new SsoRefusal(
      'issuer-unreachable',
      `The identity provider at ${issuer} could not be reached or answered unexpectedly: try again in a minute, or ask an admin to check OIDC_ISSUER.`,
    ),
  discoveredOtherIssuer: (issuer: string) =>
    new SsoRefusal(
      'issuer-mismatch',
      `The identity provider at ${issuer} names a different issuer in its discovery document (issuer): ask an admin to check OIDC_ISSUER.`,
    ),
  refusedByIssuer: (error: string, description?: string) =>
    new SsoRefusal(
      `issuer-error:${error}`,
      `The identity provider refused the sign-in (${error}${description ? `: ${description}` : ''}).`,
    ),
  rejectedCode: (error: string) =>
    new SsoRefusal(
      `token-error:${error}`,
      `The identity provider did not accept this sign-in's answer (${error}): ${START_AGAIN}`,
    ),
  invalidResponse: (detail: string) =>
    new SsoRefusal(
      'invalid-response',
      `The identity provider's answer could not be verified (${detail}): ${START_AGAIN}`,
    ),
  noEmail: () =>
    new SsoRefusal(
      'no-email',
      'The identity provider did not send an e-mail address: ask an admin to let the hub read your e-mail (scope "email").',
    ),
  unverifiedEmail: (email: string) =>
    new SsoRefusal(
      'unverified-email',
      `The identity provider has not verified the e-mail address ${email}: verify it there, or ask an admin to invite you.`,
    ),
  unknownUser: (email: string) =>
    new SsoRefusal(
      'unknown-user',
      `No user of this hub has the e-mail address ${email}: ask an admin to invite you, then sign in with SSO again.`,
    ),
  disabledUser: () => new SsoRefusal('disabled-user', 'Your user on this hub is disabled: ask an admin to enable it.'),
  otherSubject: (email: string) =>
    new SsoRefusal(
      'other-subject',
      `The user ${email} is already tied to another account at the identity provider: ask an admin.`,
    ),
};

/**
 * openid-client's refusals of a callback, in words: the state, nonce and issuer checks name the check; the
 * issuer's own errors name its error code.
 */
export function refusalOfCallbackError(err: unknown): SsoRefusal {
  if (err instanceof SsoRefusal) return err;
  if (err instanceof oidc.AuthorizationResponseError) {
    return SsoRefusals.refusedByIssuer(err.error, err.error_description);
  }
  if (err instanceof oidc.ResponseBodyError) return SsoRefusals.rejectedCode(err.error);
  const detail = causeMessage(err);
  if (/"state"/.test(detail)) return SsoRefusals.state();
  if (/"nonce"/.test(detail)) return SsoRefusals.nonce();
  if (/"iss"|issuer/i.test(detail)) return SsoRefusals.issuer();
  if (err instanceof oidc.ClientError && err.code === 'OAUTH_INVALID_RESPONSE') {
    return SsoRefusals.invalidResponse(detail);
  }
  throw err;
}

function causeMessage(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? err.cause.message : '';
  return cause || err.message;
}
