import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiTokensService } from 'src/modules/auth/api-tokens.service';

/**
 * The GraphQL endpoint's authentication for the REST downloads: a live bearer token (any role; exports are
 * reads, which VIEWER may do). The global guard checks GraphQL operations only.
 */
@Injectable()
export class HttpTokenGuard implements CanActivate {
  constructor(private readonly tokens: ApiTokensService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('A valid API token is required: send "Authorization: Bearer <token>".');
    if (!(await this.tokens.authenticate(match[1])))
      throw new UnauthorizedException('The API token is unknown or has been revoked.');
    return true;
  }
}
