import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { SessionStatus } from '@order-hub/types';
import type { FastifyRequest } from 'fastify';
import {
  authenticateRequest,
  markAuthenticationRefused,
  RequestAuthenticator,
} from 'src/modules/auth/request-authentication';
import { SECOND_FACTOR_FIRST } from 'src/modules/auth/auth-messages';

/**
 * The GraphQL endpoint's authentication for the REST downloads: a live bearer token or a signed-in console session
 * (any role; exports are reads, which VIEWER may do). No CSRF token: a GET download changes nothing, and another
 * site cannot read the answer. A session still owing its second factor is refused. The global guard checks
 * GraphQL operations only.
 */
@Injectable()
export class HttpTokenGuard implements CanActivate {
  constructor(private readonly auth: RequestAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const outcome = await authenticateRequest(req, this.auth);
    if (outcome.refused !== undefined) {
      markAuthenticationRefused(req);
      throw new UnauthorizedException(outcome.refused);
    }
    if (outcome.session && outcome.session.status !== SessionStatus.SIGNED_IN) {
      throw new ForbiddenException(SECOND_FACTOR_FIRST);
    }
    return true;
  }
}
