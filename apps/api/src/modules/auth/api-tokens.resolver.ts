import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { actorOf, type Caller } from './caller';
import { CurrentCaller } from './current-caller.decorator';
import { RequireRole } from './roles.decorator';
import { ApiTokenType, CreatedApiTokenType, toApiTokenType } from './api-token.type';
import { ApiTokensService } from './api-tokens.service';
import { CreateApiTokenInput } from './dto/create-api-token.input';

@Resolver(() => ApiTokenType)
export class ApiTokensResolver {
  constructor(private readonly tokens: ApiTokensService) {}

  @Query(() => ApiTokenType, { description: 'The token the request was made with.' })
  async me(@CurrentCaller() caller: Caller): Promise<ApiTokenType> {
    if (!caller.tokenId) throw new Error('me for console sessions: see the users module');
    return toApiTokenType(await this.tokens.get(caller.tokenId));
  }

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
}
