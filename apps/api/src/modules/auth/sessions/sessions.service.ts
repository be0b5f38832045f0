import { Injectable } from '@nestjs/common';
import { SessionStatus, UserStatus, type SignInMethod } from '@order-hub/types';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { MfaPolicyService } from 'src/modules/users/mfa/mfa-policy.service';
import { UsersService } from 'src/modules/users/users.service';
import type { Person } from '../person';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionBody, type SessionBody } from './session-body';
import { setSessionCookie, sessionSecretOf } from './session-cookie';
import { hashSessionSecret, newSessionSecret } from './session-secret';
import type { UserSessionEntity } from './user-session.entity';
import { UserSessionRepository } from './user-session.repository';

/** Writing last_seen_at on every request would write on every read; once a minute is precise enough for idling. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface NewSession {
  method: SignInMethod;
  /** The second factor was given (or the identity provider vouched for one) while signing in. */
  secondFactorPassed: boolean;
  ip: string | null;
  userAgent: string | null;
}

export interface ResolvedSession {
  session: UserSessionEntity;
  user: Person;
  status: SessionStatus;
  /** When the session ends if no request comes (the absolute end is `session.expiresAt`). */
  idleExpiresAt: Date;
}

/** Console sessions: a random secret in the cookie, its hash in `user_session`, idle and absolute timeouts. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: UserSessionRepository,
    private readonly users: UsersService,
    private readonly mfaPolicy: MfaPolicyService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Starts a session for an ACTIVE user; the secret goes in the cookie and is not kept. */
  async create(
    user: Pick<Person, 'id'>,
    options: NewSession,
    em?: EntityManager,
  ): Promise<{ session: UserSessionEntity; secret: string }> {
    const now = new Date();
    const secret = newSessionSecret();
    const session = await this.sessions.insert(
      {
        userId: user.id,
        secretHash: hashSessionSecret(secret),
        method: options.method,
        secondFactorAt: options.secondFactorPassed ? now : null,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.sessions.maxMs),
        ip: options.ip?.slice(0, 64) ?? null,
        userAgent: options.userAgent?.slice(0, 300) ?? null,
      },
      em,
    );
    return { session, secret };
  }

  /**
   * Signs the user in on this browser: a new session, its cookie on the reply, and the body to answer with.
   * For every way in (password, invitation, password reset, SSO); the caller records its own audit event.
   */
  async start(
    req: FastifyRequest,
    reply: FastifyReply,
    user: Person,
    method: SignInMethod,
    secondFactorPassed: boolean,
  ): Promise<SessionBody> {
    const { session, secret } = await this.create(user, {
      method,
      secondFactorPassed,
      ip: req.ip ?? null,
      userAgent: req.headers['user-agent'] ?? null,
    });
    setSessionCookie(req, reply, secret);
    return sessionBody(secret, session, user, await this.statusOf(user, session), this.config.sessions.idleMs);
  }

  /** The body of the request's live session (after a second factor, say); null when its cookie has none. */
  async bodyOf(req: FastifyRequest): Promise<SessionBody | null> {
    const secret = sessionSecretOf(req);
    const resolved = secret ? await this.resolve(secret) : null;
    if (!secret || !resolved) return null;
    return sessionBody(secret, resolved.session, resolved.user, resolved.status, this.config.sessions.idleMs);
  }

  /**
   * The live session a cookie's secret stands for, its user and where it stands; null when the secret is unknown,
   * the session was revoked, has passed its absolute or idle timeout, or its user is no longer ACTIVE.
   */
  async resolve(secret: string): Promise<ResolvedSession | null> {
    const session = await this.sessions.findLiveByHash(hashSessionSecret(secret));
    if (!session) return null;
    const now = new Date();
    if (session.expiresAt <= now || this.idleEndOf(session) <= now) return null;
    const user = await this.users.findById(session.userId);
    if (!user || user.status !== UserStatus.ACTIVE) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
      await this.sessions.touch(session.id, now);
      session.lastSeenAt = now;
    }
    return { session, user, status: await this.statusOf(user, session), idleExpiresAt: this.idleEndOf(session) };
  }

  /**
   * SIGNED_IN once the second factor was given in this session, or when the person needs none; otherwise
   * MFA_REQUIRED (they have one: ask for it) or MFA_ENROLMENT_REQUIRED (they must set one up first).
   */
  async statusOf(
    user: Pick<Person, 'id' | 'role' | 'totpEnabledAt'>,
    session: Pick<UserSessionEntity, 'secondFactorAt'>,
  ): Promise<SessionStatus> {
    if (session.secondFactorAt) return SessionStatus.SIGNED_IN;
    if (user.totpEnabledAt) return SessionStatus.MFA_REQUIRED;
    if (await this.mfaPolicy.requiredFor(user)) return SessionStatus.MFA_ENROLMENT_REQUIRED;
    return SessionStatus.SIGNED_IN;
  }

  async markSecondFactor(sessionId: string, at: Date = new Date(), em?: EntityManager): Promise<void> {
    await this.sessions.markSecondFactor(sessionId, at, em);
  }

  /** Ends one session; false when it had already ended. */
  revoke(sessionId: string, em?: EntityManager): Promise<boolean> {
    return this.sessions.revoke(sessionId, new Date(), em);
  }

  /** Ends every session of the user (sign out everywhere, disabling, an MFA reset), but `exceptSessionId`. */
  revokeAllForUser(userId: string, exceptSessionId?: string, em?: EntityManager): Promise<number> {
    return this.sessions.revokeAllForUser(userId, new Date(), exceptSessionId, em);
  }

  private idleEndOf(session: UserSessionEntity): Date {
    return new Date(session.lastSeenAt.getTime() + this.config.sessions.idleMs);
  }
}
