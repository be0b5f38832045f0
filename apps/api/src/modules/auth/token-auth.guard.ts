import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ApiRole, roleAtLeast } from '@order-hub/types';
import { ApiTokensService } from './api-tokens.service';
import { ForbiddenError, UnauthenticatedError } from 'src/common/errors/app-error';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { PUBLIC_OPERATION, REQUIRED_ROLE } from './roles.decorator';
import { authenticateRequest, markAuthenticationRefused } from './request-authentication';

/** Global guard: every GraphQL operation needs a live bearer token with the required role, unless @Public. */
@Injectable()
export class TokenAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: ApiTokensService,
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

    const required = this.reflector.getAllAndOverride<ApiRole>(REQUIRED_ROLE, targets) ?? ApiRole.VIEWER;
    if (!roleAtLeast(caller.role, required)) throw new ForbiddenError(required, caller.role);
    return true;
  }

  private async callerOf(ctx: GraphqlContext) {
    const outcome = await authenticateRequest(ctx.req, this.tokens);
    if (outcome.caller) return outcome.caller;
    markAuthenticationRefused(ctx.req);
    throw new UnauthenticatedError(outcome.refused);
  }
}
