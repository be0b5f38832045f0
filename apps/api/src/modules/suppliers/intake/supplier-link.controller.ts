import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findTextProblem } from 'src/common/validation/text';
import { markAuthenticationRefused } from 'src/modules/auth/request-authentication';
import { linkEntrySchema } from './tracking-intake.args';
import { SupplierLinkRefusal, SupplierLinkService } from './supplier-link.service';
import { LinkAttempts } from './link-attempts';

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

/**
 * The supplier link over REST (JSON), public: the signed token in the path is the only key. `GET /supplier/:token`
 * is also the page's own address, so a browser asking for HTML gets the console (which then asks for JSON).
 * An expired link answers 410 and a tampered one 401, each with a sentence; a tampered token also counts as a refused
 * authentication of the address (AUTH_FAILURE_LIMIT_PER_MINUTE), and each link takes a bounded number of posts a
 * minute (LinkAttempts).
 */
@Controller('supplier')
export class SupplierLinkController {
  constructor(
    private readonly service: SupplierLinkService,
    private readonly attempts: LinkAttempts,
  ) {}

  @Get(':token')
  async page(@Req() req: TokenRequest, @Res() reply: FastifyReply): Promise<void> {
    const accept = req.headers.accept ?? '';
    if (!accept.includes('application/json') && accept.includes('text/html') && 'sendFile' in reply) {
      await reply.type('text/html').sendFile('index.html');
      return;
    }
    await this.answer(req, reply, () => this.service.view(req.params.token));
  }

  @Post(':token/check')
  @HttpCode(200)
  async check(@Req() req: TokenRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(req, reply, async () => {
      const entry = this.entry(req, reply);
      return entry ? { violations: await this.service.check(req.params.token, entry) } : undefined;
    });
  }

  @Post(':token')
  @HttpCode(200)
  async submit(@Req() req: TokenRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.answer(req, reply, async () => {
      const entry = this.entry(req, reply);
      if (!entry) return undefined;
      const answer = await this.service.submit(req.params.token, entry);
      if (!answer.ok) reply.code(422);
      return answer;
    });
  }

  /** Runs the work and sends its JSON, or the link's refusal in words; `undefined` means the reply was already sent. */
  private async answer(req: TokenRequest, reply: FastifyReply, work: () => Promise<unknown>): Promise<void> {
    const wait = req.method === 'POST' ? this.attempts.take(req.params.token, req.ip) : 0;
    if (wait > 0) {
      reply
        .code(429)
        .header('retry-after', wait)
        .send({ message: `Too many tries with this link; wait ${wait} s and try again.` });
      return;
    }
    try {
      const body = await work();
      if (body === undefined) return;
      reply.header('cache-control', 'no-store').send(body);
    } catch (err) {
      if (!(err instanceof SupplierLinkRefusal)) throw err;
      if (err.status === 401) markAuthenticationRefused(req);
      reply.code(err.status).header('cache-control', 'no-store').send({ message: err.message });
    }
  }

  /** The carrier and number typed, or a 400 naming the field (sent here; null then). */
  private entry(req: TokenRequest, reply: FastifyReply) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const bad = findTextProblem(body, 'body');
    if (bad) {
      reply.code(400).send({ message: `${bad.field}: ${bad.problem}`, field: bad.field });
      return null;
    }
    const parsed = linkEntrySchema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join('.') || 'body';
    reply.code(400).send({ message: `${field}: ${issue.message}`, field });
    return null;
  }
}
