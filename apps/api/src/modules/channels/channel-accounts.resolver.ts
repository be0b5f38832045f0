import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../common/graphql/graphql-context';
import { ChannelAccountType, toChannelAccountType } from './channel-account.type';
import { ChannelAccountsService } from './channel-accounts.service';

@Resolver(() => ChannelAccountType)
export class ChannelAccountsResolver {
  constructor(private readonly accounts: ChannelAccountsService) {}

  @Query(() => [ChannelAccountType])
  async channelAccounts(): Promise<ChannelAccountType[]> {
    return (await this.accounts.list()).map(toChannelAccountType);
  }

  @ResolveField(() => Boolean, { description: 'Whether credentials are stored (they are never returned).' })
  hasCredentials(@Parent() account: ChannelAccountType, @Context() ctx: GraphqlContext): Promise<boolean> {
    return ctx.loaders.hasCredentials.load(account.id);
  }
}
