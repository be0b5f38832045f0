import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiTokensService } from 'src/modules/auth/api-tokens.service';
import { authenticateRequest, markAuthenticationRefused } from 'src/modules/auth/request-authentication';

/**
 * The GraphQL endpoint's authentication for the REST downloads: a live bearer token (any role; exports are
 * reads, which VIEWER may do). The global guard checks GraphQL operations only.
 */
@Injectable()
export class HttpTokenGuard implements CanActivate {
  constructor(private readonly tokens: ApiTokensService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const outcome = await authenticateRequest(req, this.tokens);
    if (outcome.refused === undefined) return true;
    markAuthenticationRefused(req);
    throw new UnauthorizedException(outcome.refused);
  }
}
