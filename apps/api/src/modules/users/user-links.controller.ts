import { Controller, Logger, Post, Req, Res } from '@nestjs/common';
import { SignInMethod } from '@order-hub/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { BadUserInputError } from 'src/common/errors/app-error';
import { markAuthenticationRefused } from 'src/modules/auth/request-authentication';
import { SessionsService } from 'src/modules/auth/sessions/sessions.service';
import { LinkRefusedError } from './links/link-refused.error';
import { PasswordResetService } from './password-reset.service';
import type { UserEntity } from './user.entity';
import { UserInvitationsService } from './user-invitations.service';

const text = (max: number) =>
  z.string({ error: 'is required, as text.' }).min(1, 'is required.').max(max, `must be at most ${max} characters.`);
const acceptBody = z.object({ secret: text(200), password: text(1024), name: text(200).optional() });
const resetBody = z.object({ secret: text(200), password: text(1024) });
const requestBody = z.object({ email: text(320) });

/** The same answer whether or not the address has an account (nor whether mail went). */
export const RESET_REQUESTED =
  'If an account uses this address, a link to reset its password is on its way. It works for 1 hour.';

/**
 * The one-time links over REST (public: the person has no session yet): accept an invitation, reset a password
 * (each signs the person in, as `POST /auth/sign-in` does), and ask for a reset link by e-mail.
 */
@Controller('auth')
export class UserLinksController {
  private readonly log = new Logger(UserLinksController.name);

  constructor(
    private readonly invitations: UserInvitationsService,
    private readonly resets: PasswordResetService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('invitations/accept')
  async accept(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const body = parse(acceptBody, req, reply);
    if (!body) return;
    await this.signInThrough(req, reply, SignInMethod.INVITATION, () =>
      this.invitations.accept(body.secret, body.password, body.name ?? null),
    );
  }

  @Post('password-reset')
  async reset(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const body = parse(resetBody, req, reply);
    if (!body) return;
    await this.signInThrough(req, reply, SignInMethod.PASSWORD_RESET, () =>
      this.resets.reset(body.secret, body.password),
    );
  }

  /** Always 202 at once; the e-mail (if any) is sent after the answer, so its timing tells nothing either. */
  @Post('password-reset/request')
  request(@Req() req: FastifyRequest, @Res() reply: FastifyReply): void {
    const body = parse(requestBody, req, reply);
    if (!body) return;
    this.resets.request(body.email, req.ip).catch((err: unknown) => {
      this.log.error(`A requested password reset failed: ${(err as Error).message}`);
    });
    reply.code(202).send({ message: RESET_REQUESTED });
  }

  private async signInThrough(
    req: FastifyRequest,
    reply: FastifyReply,
    method: SignInMethod,
    useLink: () => Promise<UserEntity>,
  ): Promise<void> {
    let user: UserEntity;
    try {
      user = await useLink();
    } catch (err) {
      if (err instanceof BadUserInputError) {
        reply.code(400).send({ message: err.message, field: err.extensions.field });
        return;
      }
      if (err instanceof LinkRefusedError) {
        // Guessing secrets spends the address's budget of refused authentications.
        if (err.status === 404) markAuthenticationRefused(req);
        reply.code(err.status).send({ message: err.message });
        return;
      }
      throw err;
    }
    reply.code(200).send(await this.sessions.start(req, reply, user, method, false));
  }
}

function parse<S extends z.ZodType>(schema: S, req: FastifyRequest, reply: FastifyReply): z.output<S> | null {
  const result = schema.safeParse(req.body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.map(String).join('.') || 'body';
  reply.code(400).send({ message: `${field}: ${issue.message}`, field });
  return null;
}
