import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ApiRole, roleAtLeast, SessionStatus } from '@order-hub/types';
import { AppError, ErrorCode, ForbiddenError, UnauthenticatedError } from 'src/common/errors/app-error';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import type { AuthOutcome, Caller } from './caller';
import { BEFORE_SECOND_FACTOR, PUBLIC_OPERATION, REQUIRED_ROLE } from './roles.decorator';
import { authenticateRequest, markAuthenticationRefused, RequestAuthenticator } from './request-authentication';
import { csrfHeaderOf } from './sessions/session-cookie';
import { csrfTokenMatches } from './sessions/session-secret';
import { CSRF_MISSING, SECOND_FACTOR_FIRST } from './auth-messages';

/**
 * Global guard: every GraphQL operation needs a live bearer token or console session with the required role,
 * unless @Public. A session also needs its CSRF token (`x-csrf-token`) and, unless the operation is
 * @AllowBeforeSecondFactor, a finished sign-in (second factor given when one is required).
 */
@Injectable()
export class TokenAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_OPERATION, targets)) return true;

    const ctx = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    // Several root fields in one request share the lookup and, when refused, the one error (logged once).
    ctx.callerLookup ??= this.callerOf(ctx);
    const caller = await ctx.callerLookup;
    ctx.caller = caller;

    const status = ctx.sessionStatus;
    if (status && status !== SessionStatus.SIGNED_IN) {
      if (!this.reflector.getAllAndOverride<boolean>(BEFORE_SECOND_FACTOR, targets)) {
        throw new AppError(ErrorCode.MFA_REQUIRED, SECOND_FACTOR_FIRST, { sessionStatus: status });
      }
      return true;
    }
    const required = this.reflector.getAllAndOverride<ApiRole>(REQUIRED_ROLE, targets) ?? ApiRole.VIEWER;
    if (!roleAtLeast(caller.role, required)) throw new ForbiddenError(required, caller.role);
    return true;
  }

  private async callerOf(ctx: GraphqlContext): Promise<Caller> {
    const outcome: AuthOutcome = await authenticateRequest(ctx.req, this.auth);
    if (!outcome.caller) {
      markAuthenticationRefused(ctx.req);
      throw new UnauthenticatedError(outcome.refused);
    }
    if (outcome.session) {
      // A cookie rides along with any request another site makes the browser send; the token it cannot read.
      if (!csrfTokenMatches(outcome.session.secret, csrfHeaderOf(ctx.req))) {
        throw new AppError(ErrorCode.FORBIDDEN, CSRF_MISSING);
      }
      ctx.sessionStatus = outcome.session.status;
    }
    return outcome.caller;
  }
}
