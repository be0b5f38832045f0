import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { MfaPolicyService } from 'src/modules/users/mfa/mfa-policy.service';
import { userByIdLoader } from 'src/modules/users/user-by-id.loader';
import { toUserType, UserType } from 'src/modules/users/user.type';
import { UsersService } from 'src/modules/users/users.service';
import { toApiTokenType } from './api-token.type';
import { ApiTokensService } from './api-tokens.service';
import type { Caller } from './caller';
import { CurrentCaller } from './current-caller.decorator';
import { AllowBeforeSecondFactor } from './roles.decorator';
import { ViewerType } from './viewer.type';

@Resolver(() => ViewerType)
export class ViewerResolver {
  constructor(
    private readonly tokens: ApiTokensService,
    private readonly users: UsersService,
    private readonly mfaPolicy: MfaPolicyService,
  ) {}

  @Query(() => ViewerType, { description: 'Who the request acts for (reachable before the second factor).' })
  @AllowBeforeSecondFactor()
  async me(@CurrentCaller() caller: Caller, @Context() ctx: GraphqlContext): Promise<ViewerType> {
    const user = caller.userId ? await this.users.findById(caller.userId) : null;
    return {
      name: caller.name,
      role: caller.role,
      userId: caller.userId,
      apiToken: caller.tokenId ? toApiTokenType(await this.tokens.get(caller.tokenId)) : null,
      sessionStatus: ctx.sessionStatus ?? null,
      mfaRequired: user ? await this.mfaPolicy.requiredFor(user) : false,
    };
  }

  @ResolveField(() => UserType, { nullable: true, description: 'The person; null for an integration token.' })
  async user(@Parent() viewer: ViewerType, @Context() ctx: GraphqlContext): Promise<UserType | null> {
    if (!viewer.userId) return null;
    const user = await ctx.loaders.of(userByIdLoader).load(viewer.userId);
    return user ? toUserType(user) : null;
  }
}
