import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { AuditService } from 'src/modules/audit/audit.service';
import { Transactions } from 'src/common/database/transactions';
import { CSRF_MISSING, SESSION_ENDED } from '../auth-messages';

export { CSRF_MISSING, SESSION_ENDED };
import { PasswordSignInService } from '../sign-in/password-sign-in.service';
import { clearSessionCookie, csrfHeaderOf, sessionSecretOf } from './session-cookie';
import { sessionBody } from './session-body';
import { csrfTokenMatches } from './session-secret';
import { SessionsService } from './sessions.service';

const signInBody = z.object({
  email: z.string({ error: 'is required, as text.' }).trim().min(1, 'is required.').max(320, 'is too long.'),
  password: z.string({ error: 'is required, as text.' }).min(1, 'is required.').max(1024, 'is too long.'),
});

/**
 * The console's sign-in over REST (JSON): sign in with a password, read the session, sign out here or everywhere,
 * and the sign-in page's options. Session-changing posts need the session's `x-csrf-token`.
 */
@Controller('auth')
export class SessionsController {
  constructor(
    private readonly passwordSignIn: PasswordSignInService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Post('sign-in')
  async signIn(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const parsed = signInBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.map(String).join('.') || 'body';
      reply.code(400).send({ message: `${field}: ${issue.message}`, field });
      return;
    }
    const outcome = await this.passwordSignIn.signIn(req, reply, parsed.data.email, parsed.data.password);
    if (outcome.ok) {
      // The body carries the CSRF token: no cache keeps it.
      reply.code(200).header('cache-control', 'no-store').send(outcome.body);
    } else if (outcome.status === 429) {
      reply
        .code(429)
        .header('retry-after', outcome.retryAfterSeconds)
        .send({ message: outcome.message, retryAfterSeconds: outcome.retryAfterSeconds });
    } else {
      reply.code(401).send({ message: outcome.message });
    }
  }

  @Get('session')
  async session(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const secret = sessionSecretOf(req);
    const resolved = secret ? await this.sessions.resolve(secret) : null;
    if (!secret || !resolved) {
      if (secret) clearSessionCookie(req, reply);
      reply.code(401).send({ message: SESSION_ENDED });
      return;
    }
    reply
      .code(200)
      .header('cache-control', 'no-store')
      .send(sessionBody(secret, resolved.session, resolved.user, resolved.status, this.config.sessions.idleMs));
  }

  /** Ends this browser's session; 204 also when it had already ended (the cookie is cleared either way). */
  @Post('sign-out')
  async signOut(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const secret = sessionSecretOf(req);
    const resolved = secret ? await this.sessions.resolve(secret) : null;
    if (secret && resolved) {
      if (!csrfTokenMatches(secret, csrfHeaderOf(req))) {
        reply.code(403).send({ message: CSRF_MISSING });
        return;
      }
      await this.tx.run(async (em) => {
        await this.sessions.revoke(resolved.session.id, em);
        await this.recordSignOut(em, resolved.user.id, resolved.user.email, 'this browser');
      });
    }
    clearSessionCookie(req, reply);
    reply.code(204).send();
  }

  /** Ends every session of the signed-in person, this one included (API tokens are not sessions: they stay). */
  @Post('sign-out-everywhere')
  async signOutEverywhere(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const secret = sessionSecretOf(req);
    const resolved = secret ? await this.sessions.resolve(secret) : null;
    if (!secret || !resolved) {
      reply.code(401).send({ message: SESSION_ENDED });
      return;
    }
    if (!csrfTokenMatches(secret, csrfHeaderOf(req))) {
      reply.code(403).send({ message: CSRF_MISSING });
      return;
    }
    await this.tx.run(async (em) => {
      const ended = await this.sessions.revokeAllForUser(resolved.user.id, undefined, em);
      await this.recordSignOut(em, resolved.user.id, resolved.user.email, 'everywhere', ended);
    });
    clearSessionCookie(req, reply);
    reply.code(204).send();
  }

  /** What the sign-in page offers (public). */
  @Get('options')
  options(): { passwordSignIn: true; sso: { label: string } | null; passwordReset: boolean } {
    return {
      passwordSignIn: true,
      sso: this.config.sso ? { label: this.config.sso.label } : null,
      // Requested reset links are made with PUBLIC_URL only (an anonymous request's Host could point them elsewhere).
      passwordReset: this.config.mail !== null && this.config.publicUrl !== null,
    };
  }

  private recordSignOut(
    em: Parameters<AuditService['record']>[0],
    userId: string,
    email: string,
    scope: 'this browser' | 'everywhere',
    sessionsEnded = 1,
  ) {
    return this.audit.record(em, {
      actor: `user:${email}`,
      action: 'user.signed_out',
      entityType: 'user',
      entityId: userId,
      after: { scope, sessionsEnded },
    });
  }
}
