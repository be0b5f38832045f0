import { Injectable, Logger } from '@nestjs/common';
import { SessionStatus, SignInMethod } from '@order-hub/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Transactions } from 'src/common/database/transactions';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { AuditService } from 'src/modules/audit/audit.service';
import { UsersService, type SsoUserMatch } from 'src/modules/users/users.service';
import { SessionsService } from '../sessions/sessions.service';
import { FlowCookie, type SsoFlow } from './flow-cookie';
import { OidcIssuerClient, type SsoClaims } from './oidc-issuer-client';
import { safeReturnTo } from './return-to';
import { SsoRefusal, SsoRefusals, refusalOfCallbackError } from './sso-refusal';

/** Authentication methods (RFC 8176) by which the issuer vouches for a second factor. */
const SECOND_FACTOR_AMR = new Set(['mfa', 'otp', 'hwk', 'swk', 'fido']);
/** Audit events of refusals before a user is known. */
const NO_USER_ID = '00000000-0000-0000-0000-000000000000';
const CALLBACK_PATH = '/auth/oidc/callback';

/**
 * Single sign-on through the one configured OpenID Connect issuer: `start` sends the browser to the issuer with a
 * sealed flow cookie; `finish` checks the answer, finds the person and signs them in. Both return where to send
 * the browser next (a refusal goes to the sign-in page with the reason in words).
 */
@Injectable()
export class SsoService {
  private readonly log = new Logger('SSO');
  private readonly client: OidcIssuerClient | null;
  private readonly flows: FlowCookie;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
  ) {
    this.client = config.sso ? new OidcIssuerClient(config.sso) : null;
    this.flows = new FlowCookie(config.credentialsKey);
  }

  /** What the sign-in page shows: the SSO button's label, or null when SSO is not set up. */
  options(): { label: string } | null {
    return this.config.sso ? { label: this.config.sso.label } : null;
  }

  async start(req: FastifyRequest, reply: FastifyReply, returnTo: unknown): Promise<string> {
    const target = safeReturnTo(returnTo);
    try {
      if (!this.client) throw SsoRefusals.notConfigured();
      const redirectUri = `${this.config.publicUrl ?? `${req.protocol}://${req.host}`}${CALLBACK_PATH}`;
      const request = await this.client.authorizationRequest(redirectUri);
      const { state, nonce, codeVerifier } = request;
      this.flows.set(req, reply, { state, nonce, codeVerifier, redirectUri, returnTo: target, startedAt: Date.now() });
      return request.url.toString();
    } catch (err) {
      if (err instanceof SsoRefusal) return signInPageWith(err, target);
      throw err;
    }
  }

  async finish(req: FastifyRequest, reply: FastifyReply): Promise<string> {
    const flow = this.flows.read(req);
    this.flows.clear(req, reply);
    try {
      if (!this.client) throw SsoRefusals.notConfigured();
      // No flow: the cookie expired (10 minutes), or the answer reached a browser that did not start this sign-in.
      if (!flow) throw SsoRefusals.state();
      const claims = await this.client
        .claimsOf(new URL(req.url, flow.redirectUri), flow)
        .catch((err: unknown) => Promise.reject(refusalOfCallbackError(err)));
      return await this.signIn(req, reply, flow, claims);
    } catch (err) {
      if (!(err instanceof SsoRefusal)) throw err;
      this.log.warn(`SSO sign-in refused (${err.reason}) from ${req.ip}`);
      // A callback without a flow of this browser's is noise anyone can send: only refusals of real flows are audited.
      if (flow) await this.recordRefusal(req, err);
      return signInPageWith(err, flow?.returnTo ?? '/');
    }
  }

  private async signIn(req: FastifyRequest, reply: FastifyReply, flow: SsoFlow, claims: SsoClaims): Promise<string> {
    const sso = this.config.sso!;
    // openid-client checked the ID token's issuer against the discovery document; this ties it to OIDC_ISSUER too.
    if (withoutSlash(claims.issuer) !== withoutSlash(sso.issuer)) throw SsoRefusals.issuer();
    const match = await this.users.findOrCreateForSso(
      {
        issuer: claims.issuer,
        subject: claims.subject,
        email: claims.emailVerified === false ? null : claims.email,
        name: claims.name,
        defaultRole: sso.autoCreateRole,
      },
      `sso:${claims.email ?? claims.subject}`,
    );
    if (!match.user) {
      const refusal = refusalOf(match, claims);
      const known = claims.email ? await this.users.findByEmail(claims.email) : null;
      refusal.about = {
        issuer: claims.issuer,
        subject: claims.subject,
        email: claims.email,
        userId: known?.id ?? null,
      };
      throw refusal;
    }
    const user = match.user;
    const secondFactorPassed = claims.amr.some((m) => SECOND_FACTOR_AMR.has(m));
    const body = await this.sessions.start(req, reply, user, SignInMethod.SSO, secondFactorPassed);
    if (body.status === SessionStatus.SIGNED_IN) await this.users.recordSignIn(user.id, new Date());
    await this.tx.run((em) =>
      this.audit.record(em, {
        actor: `user:${user.email}`,
        action: 'user.signed_in',
        entityType: 'user',
        entityId: user.id,
        after: {
          method: SignInMethod.SSO,
          status: body.status,
          ip: req.ip,
          issuer: claims.issuer,
          secondFactorByIssuer: secondFactorPassed,
          created: match.created,
        },
      }),
    );
    return pathAfterSignIn(body.status, flow.returnTo);
  }

  private recordRefusal(req: FastifyRequest, refusal: SsoRefusal) {
    const { userId, ...identity } = refusal.about ?? { userId: null };
    return this.tx.run((em) =>
      this.audit.record(em, {
        actor: 'anonymous',
        action: 'user.sso_refused',
        entityType: 'user',
        entityId: userId ?? NO_USER_ID,
        after: { reason: refusal.reason, ip: req.ip, ...identity },
      }),
    );
  }
}

function refusalOf(match: Extract<SsoUserMatch, { user: null }>, claims: SsoClaims): SsoRefusal {
  if (match.reason === 'DISABLED') return SsoRefusals.disabledUser();
  if (match.reason === 'OTHER_SUBJECT') return SsoRefusals.otherSubject(claims.email ?? claims.subject);
  if (!claims.email) return SsoRefusals.noEmail();
  if (claims.emailVerified === false) return SsoRefusals.unverifiedEmail(claims.email);
  return SsoRefusals.unknownUser(claims.email);
}

/** 'https://idp.example.com/' and 'https://idp.example.com' name the same issuer (discovery accepts either). */
function withoutSlash(issuer: string): string {
  return issuer.replace(/\/$/, '');
}

function signInPageWith(refusal: SsoRefusal, returnTo: string): string {
  const next = returnTo === '/' ? '' : `&next=${encodeURIComponent(returnTo)}`;
  return `/sign-in?error=${encodeURIComponent(refusal.message)}${next}`;
}

/** The console's route for a session in `status`: the second factor first, then where the person was going. */
function pathAfterSignIn(status: SessionStatus, returnTo: string): string {
  if (status === SessionStatus.SIGNED_IN) return returnTo;
  const next = returnTo === '/' ? '' : `?next=${encodeURIComponent(returnTo)}`;
  return `${status === SessionStatus.MFA_REQUIRED ? '/sign-in/mfa' : '/mfa/enrol'}${next}`;
}
