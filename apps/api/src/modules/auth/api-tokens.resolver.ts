import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { userByIdLoader } from 'src/modules/users/user-by-id.loader';
import { toUserType, UserType } from 'src/modules/users/user.type';
import { actorOf, type Caller } from './caller';
import { CurrentCaller } from './current-caller.decorator';
import { RequireRole } from './roles.decorator';
import { ApiTokenType, CreatedApiTokenType, toApiTokenType } from './api-token.type';
import { ApiTokensService } from './api-tokens.service';
import { CreateApiTokenInput } from './dto/create-api-token.input';

@Resolver(() => ApiTokenType)
export class ApiTokensResolver {
  constructor(private readonly tokens: ApiTokensService) {}

  @Query(() => [ApiTokenType])
  @RequireRole(ApiRole.ADMIN)
  async apiTokens(): Promise<ApiTokenType[]> {
    return (await this.tokens.list()).map(toApiTokenType);
  }

  @Mutation(() => CreatedApiTokenType)
  @RequireRole(ApiRole.ADMIN)
  async createApiToken(
    @Args('input') input: CreateApiTokenInput,
    @CurrentCaller() caller: Caller,
  ): Promise<CreatedApiTokenType> {
    const { token, secret } = await this.tokens.create(
      input.name,
      input.role,
      actorOf(caller),
      input.expiresAt ?? null,
      input.userId ?? null,
    );
    return { apiToken: toApiTokenType(token), token: secret };
  }

  @Mutation(() => ApiTokenType)
  @RequireRole(ApiRole.ADMIN)
  async revokeApiToken(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ApiTokenType> {
    return toApiTokenType(await this.tokens.revoke(id, caller, actorOf(caller)));
  }

  @ResolveField(() => UserType, {
    nullable: true,
    description: 'The person the token acts for; null: a named integration.',
  })
  async user(@Parent() token: ApiTokenType, @Context() ctx: GraphqlContext): Promise<UserType | null> {
    if (!token.userId) return null;
    const user = await ctx.loaders.of(userByIdLoader).load(token.userId);
    return user ? toUserType(user) : null;
  }
}
