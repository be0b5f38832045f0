import { Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import type { SsoSettings } from './sso-config';
import { SsoRefusals } from './sso-refusal';

/** Re-read the discovery document (endpoints, signing keys' URL) at least this often. */
const DISCOVERY_TTL_MS = 6 * 3_600_000;
const TIMEOUT_SECONDS = 10;
const SCOPE = 'openid email profile';

export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface SsoClaims {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean | null;
  name: string | null;
  amr: string[];
}

/**
 * The hub as a client of its one OpenID Connect issuer (openid-client): reads the issuer's discovery document on
 * first use and keeps it (read again after 6 hours, or at the next sign-in after a failed read), builds
 * authorization requests with PKCE (S256), state and nonce, and turns a callback into verified claims.
 */
export class OidcIssuerClient {
  private readonly log = new Logger('SSO');
  private discovered: { config: Promise<oidc.Configuration>; at: number } | null = null;

  constructor(private readonly settings: SsoSettings) {}

  async authorizationRequest(redirectUri: string): Promise<AuthorizationRequest> {
    const config = await this.configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state, nonce, codeVerifier };
  }

  /**
   * Exchanges the callback's code and checks the answer: state, the issuer (`iss` parameter and ID token), the
   * ID token's signature, audience and nonce, and PKCE at the issuer. Claims missing from the ID token (many
   * issuers put e-mail and name only in userinfo) are read from the userinfo endpoint.
   */
  async claimsOf(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string; redirectUri: string },
  ): Promise<SsoClaims> {
    const config = await this.configuration();
    const tokens = await oidc.authorizationCodeGrant(
      config,
      callbackUrl,
      {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.codeVerifier,
        idTokenExpected: true,
      },
      { redirect_uri: checks.redirectUri },
    );
    const idToken = tokens.claims();
    if (!idToken) throw SsoRefusals.invalidResponse('no ID token');
    let claims: Record<string, unknown> = idToken;
    if (typeof idToken.email !== 'string' && config.serverMetadata().userinfo_endpoint) {
      claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)), ...idToken };
    }
    return {
      issuer: idToken.iss,
      subject: idToken.sub,
      email: typeof claims.email === 'string' && claims.email.includes('@') ? claims.email.trim() : null,
      emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : null,
      name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : null,
      amr: Array.isArray(idToken.amr) ? idToken.amr.filter((m): m is string => typeof m === 'string') : [],
    };
  }

  private configuration(): Promise<oidc.Configuration> {
    if (this.discovered && Date.now() - this.discovered.at < DISCOVERY_TTL_MS) return this.discovered.config;
    const { issuer, clientId, clientSecret } = this.settings;
    const config = oidc
      .discovery(
        new URL(issuer),
        clientId,
        undefined,
        clientSecret ? oidc.ClientSecretBasic(clientSecret) : oidc.None(),
        {
          // Only a loopback issuer may be plain http (the config refuses any other).
          execute: issuer.startsWith('http:') ? [oidc.allowInsecureRequests] : [],
          timeout: TIMEOUT_SECONDS,
        },
      )
      .catch((err: unknown) => {
        this.discovered = null;
        const detail = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
        this.log.warn(`Reading ${issuer}/.well-known/openid-configuration failed: ${String(err)} ${detail}`);
        throw /"issuer"/.test(detail) ? SsoRefusals.discoveredOtherIssuer(issuer) : SsoRefusals.unreachable(issuer);
      });
    this.discovered = { config, at: Date.now() };
    return config;
  }
}
