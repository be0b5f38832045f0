import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SsoService } from './sso.service';

/** The browser's way through single sign-on: both answer 302 (to the issuer, back into the console, or to /sign-in). */
@Controller('auth/oidc')
export class SsoController {
  constructor(private readonly sso: SsoService) {}

  /** `returnTo`: the console path to open once signed in (another site's address becomes '/'). */
  @Get('start')
  async start(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Query('returnTo') returnTo?: string) {
    redirect(reply, await this.sso.start(req, reply, returnTo));
  }

  @Get('callback')
  async callback(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    redirect(reply, await this.sso.finish(req, reply));
  }
}

function redirect(reply: FastifyReply, location: string): void {
  reply.code(302).header('location', location).header('cache-control', 'no-store').send();
}
