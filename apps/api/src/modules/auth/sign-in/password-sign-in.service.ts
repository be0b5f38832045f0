import { Injectable } from '@nestjs/common';
import { SessionStatus, SignInMethod } from '@order-hub/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { emailKeyOf } from 'src/modules/users/email-address';
import { UsersService } from 'src/modules/users/users.service';
import { WRONG_CREDENTIALS } from '../auth-messages';
import { dummyPasswordHash, verifyPassword, verifyWithoutUser } from '../passwords/password';
import type { SessionBody } from '../sessions/session-body';
import { SessionsService } from '../sessions/sessions.service';
import { SignInIpLimiter } from './sign-in-ip-limiter';

/** Audit events of sign-ins to no known account: the typed address is in the event. */
const NO_USER_ID = '00000000-0000-0000-0000-000000000000';

export type SignInOutcome =
  | { ok: true; body: SessionBody }
  | { ok: false; status: 401; message: string }
  | { ok: false; status: 429; message: string; retryAfterSeconds: number };

/**
 * Password sign-in: one answer for a wrong e-mail, a wrong password, an invited or a disabled person (and the same
 * time: an unknown address is checked against a dummy hash); locks per account (backoff, in the database) and per
 * address (10 refusals in 15 minutes).
 */
@Injectable()
export class PasswordSignInService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly ipLimiter: SignInIpLimiter,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
  ) {
    // Made now, so the first unknown address does not take one hash longer than the rest.
    dummyPasswordHash().catch(() => undefined);
  }

  async signIn(req: FastifyRequest, reply: FastifyReply, email: string, password: string): Promise<SignInOutcome> {
    const ipLocked = await this.ipLimiter.lockedForSeconds(req.ip);
    if (ipLocked > 0) return tooMany(ipLocked);

    const now = new Date();
    const user = await this.users.findActiveByEmail(email);
    if (user?.lockedUntil && user.lockedUntil > now) {
      return tooMany(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000));
    }
    const passwordOk = user?.passwordHash
      ? await verifyPassword(user.passwordHash, password)
      : await verifyWithoutUser(password);
    if (!user || !passwordOk) {
      await this.ipLimiter.recordFailure(req.ip);
      const lockedUntil = user ? (await this.users.recordFailedSignIn(user.id, now)).lockedUntil : null;
      await this.recordFailure(req, email, user?.id ?? null, user ? 'wrong password' : 'unknown or inactive e-mail');
      if (user && lockedUntil) await this.recordLock(user.id, user.email, lockedUntil);
      return { ok: false, status: 401, message: WRONG_CREDENTIALS };
    }

    const body = await this.sessions.start(req, reply, user, SignInMethod.PASSWORD, false);
    // The failure count is cleared only once fully signed in: a known password must not reset the count of wrong
    // second-factor codes.
    if (body.status === SessionStatus.SIGNED_IN) await this.users.recordSignIn(user.id, now);
    await this.tx.run((em) =>
      this.audit.record(em, {
        actor: `user:${user.email}`,
        action: 'user.signed_in',
        entityType: 'user',
        entityId: user.id,
        after: { method: SignInMethod.PASSWORD, status: body.status, ip: req.ip },
      }),
    );
    return { ok: true, body };
  }

  private recordFailure(req: FastifyRequest, email: string, userId: string | null, reason: string) {
    return this.tx.run((em) =>
      this.audit.record(em, {
        actor: 'anonymous',
        action: 'user.sign_in_failed',
        entityType: 'user',
        entityId: userId ?? NO_USER_ID,
        after: { email: emailKeyOf(email).slice(0, 320), reason, ip: req.ip },
      }),
    );
  }

  private recordLock(userId: string, email: string, lockedUntil: Date) {
    return this.tx.run((em) =>
      this.audit.record(em, {
        actor: 'system:sign-in',
        action: 'user.locked',
        entityType: 'user',
        entityId: userId,
        after: { email, lockedUntil: lockedUntil.toISOString() },
      }),
    );
  }
}

function tooMany(seconds: number): SignInOutcome {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return {
    ok: false,
    status: 429,
    message: `Too many failed sign-ins: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    retryAfterSeconds: seconds,
  };
}
