import { Controller, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Transactions } from 'src/common/database/transactions';
import { AuditService } from 'src/modules/audit/audit.service';
import { CSRF_MISSING, SESSION_ENDED } from 'src/modules/auth/auth-messages';
import { SignInIpLimiter } from 'src/modules/auth/sign-in/sign-in-ip-limiter';
import { csrfHeaderOf, sessionSecretOf } from 'src/modules/auth/sessions/session-cookie';
import { csrfTokenMatches } from 'src/modules/auth/sessions/session-secret';
import { SessionsService } from 'src/modules/auth/sessions/sessions.service';
import { UsersService } from 'src/modules/users/users.service';
import { SecondFactorService } from './second-factor.service';
import { WRONG_CODE, lockedMessage } from './totp-enrolment.service';

const NO_APP_YET = 'No authenticator app is set up for this account yet: set one up first.';

const mfaBody = z.object({
  code: z.string({ error: 'is required, as text.' }).trim().min(1, 'is required.').max(64, 'is too long.'),
});

/**
 * The second step of signing in: a code from the authenticator app, or a recovery code, for the session the
 * password (or an invitation, or a reset) started. A wrong code counts toward the account's and the address's
 * lockout, like a wrong password.
 */
@Controller('auth')
export class MfaController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly secondFactor: SecondFactorService,
    private readonly users: UsersService,
    private readonly ipLimiter: SignInIpLimiter,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
  ) {}

  @Post('mfa')
  async verify(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { status, body } = await this.answer(req);
    if (status === 429) reply.header('retry-after', (body as { retryAfterSeconds: number }).retryAfterSeconds);
    reply.code(status).header('cache-control', 'no-store').send(body);
  }

  private async answer(req: FastifyRequest): Promise<{ status: number; body: object }> {
    const secret = sessionSecretOf(req);
    const resolved = secret ? await this.sessions.resolve(secret) : null;
    if (!secret || !resolved) return { status: 401, body: { message: SESSION_ENDED } };
    if (!csrfTokenMatches(secret, csrfHeaderOf(req))) return { status: 403, body: { message: CSRF_MISSING } };
    const parsed = mfaBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      const field = parsed.error.issues[0].path.map(String).join('.') || 'body';
      return { status: 400, body: { message: `${field}: ${parsed.error.issues[0].message}`, field } };
    }
    const ipLocked = await this.ipLimiter.lockedForSeconds(req.ip);
    if (ipLocked > 0) return tooMany(ipLocked);

    const { user, session } = resolved;
    const now = new Date();
    const check = await this.secondFactor.check(user.id, parsed.data.code, now);
    if (!check.ok) {
      switch (check.reason) {
        case 'LOCKED':
          return tooMany(check.retryAfterSeconds);
        case 'NOT_ENROLLED':
          return { status: 409, body: { message: NO_APP_YET } };
        case 'WRONG_CODE':
          await this.ipLimiter.recordFailure(req.ip);
          await this.recordFailure(req, user.id, user.email, check.lockedUntil);
          return { status: 401, body: { message: WRONG_CODE } };
      }
    }
    await this.tx.run(async (em) => {
      await this.sessions.markSecondFactor(session.id, now, em);
      await this.audit.record(em, {
        actor: `user:${user.email}`,
        action: 'user.second_factor_passed',
        entityType: 'user',
        entityId: user.id,
        after: { kind: check.kind, recoveryCodesLeft: check.recoveryCodesLeft, ip: req.ip },
      });
    });
    // Fully signed in: the refused sign-ins before it no longer count.
    await this.users.recordSignIn(user.id, now);
    const body = await this.sessions.bodyOf(req);
    if (!body) return { status: 401, body: { message: SESSION_ENDED } };
    // After a recovery code the console says how many are left (regenerate them before the last is spent).
    return {
      status: 200,
      body: check.kind === 'RECOVERY_CODE' ? { ...body, recoveryCodesLeft: check.recoveryCodesLeft } : body,
    };
  }

  private recordFailure(req: FastifyRequest, userId: string, email: string, lockedUntil: Date | null) {
    return this.tx.run(async (em) => {
      await this.audit.record(em, {
        actor: 'anonymous',
        action: 'user.sign_in_failed',
        entityType: 'user',
        entityId: userId,
        after: { email, reason: 'wrong second-factor code', ip: req.ip },
      });
      if (lockedUntil) {
        await this.audit.record(em, {
          actor: 'system:sign-in',
          action: 'user.locked',
          entityType: 'user',
          entityId: userId,
          after: { email, lockedUntil: lockedUntil.toISOString() },
        });
      }
    });
  }
}

function tooMany(seconds: number): { status: number; body: object } {
  return { status: 429, body: { message: lockedMessage(seconds), retryAfterSeconds: seconds } };
}
