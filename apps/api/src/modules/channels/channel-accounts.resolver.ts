import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { channelProfile } from '@order-hub/rules';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { BadUserInputError } from 'src/common/errors/app-error';
import { parseInput } from 'src/common/validation/parse-input';
import { accountFieldsSchema, checkedCredentials } from './channel-account.schema';
import { ChannelAccountType, toChannelAccountType } from './channel-account.type';
import { channelDescriptor } from './channel-registry';
import { ChannelAccountsService } from './channel-accounts.service';
import { CreateChannelAccountInput, UpdateChannelAccountInput } from './dto/channel-account.input';
import { hasCredentialsLoader } from './has-credentials.loader';

@Resolver(() => ChannelAccountType)
export class ChannelAccountsResolver {
  constructor(private readonly accounts: ChannelAccountsService) {}

  @Query(() => [ChannelAccountType])
  async channelAccounts(): Promise<ChannelAccountType[]> {
    return (await this.accounts.list()).map(toChannelAccountType);
  }

  @Mutation(() => ChannelAccountType)
  @RequireRole(ApiRole.ADMIN)
  async createChannelAccount(
    @Args('input') input: CreateChannelAccountInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ChannelAccountType> {
    const { input: fields } = parseInput(z.object({ input: accountFieldsSchema }), {
      input: {
        name: input.name,
        marketplace: input.marketplace ?? channelProfile(input.channel).defaultMarketplace,
        baseUrl: input.baseUrl ?? channelDescriptor(input.channel).defaultBaseUrl[input.environment],
        timeZone: input.timeZone ?? 'America/Los_Angeles',
      },
    });
    const credentials = checkedCredentials(input.channel, input.credentials, 'input');
    const saved = await this.accounts.create(
      {
        channel: input.channel,
        environment: input.environment,
        ...fields,
        credentials,
        autoAcknowledge: input.autoAcknowledge ?? true,
        mcfTrackingDelayMinutes: this.delay(input.mcfTrackingDelayMinutes),
      },
      actorOf(caller),
    );
    return toChannelAccountType(saved);
  }

  @Mutation(() => ChannelAccountType)
  @RequireRole(ApiRole.ADMIN)
  async updateChannelAccount(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateChannelAccountInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ChannelAccountType> {
    const account = await this.accounts.get(id);
    const given = Object.fromEntries(
      Object.entries({
        name: input.name,
        marketplace: input.marketplace,
        baseUrl: input.baseUrl,
        timeZone: input.timeZone,
      }).filter(([, v]) => v != null),
    );
    const { input: fields } = parseInput(z.object({ input: accountFieldsSchema.partial() }), { input: given });
    const credentials = input.credentials ? checkedCredentials(account.channel, input.credentials, 'input') : undefined;
    const saved = await this.accounts.update(
      id,
      {
        ...fields,
        ...(input.environment ? { environment: input.environment } : {}),
        ...(input.autoAcknowledge != null ? { autoAcknowledge: input.autoAcknowledge } : {}),
        ...(input.mcfTrackingDelayMinutes !== undefined
          ? { mcfTrackingDelayMinutes: this.delay(input.mcfTrackingDelayMinutes) }
          : {}),
        ...(input.holdTrackingUntilScan != null ? { holdTrackingUntilScan: input.holdTrackingUntilScan } : {}),
        credentials,
      },
      actorOf(caller),
    );
    return toChannelAccountType(saved);
  }

  @Mutation(() => ChannelAccountType, { description: 'Stops syncing and acting on the account; its orders stay.' })
  @RequireRole(ApiRole.ADMIN)
  async disableChannelAccount(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ChannelAccountType> {
    return toChannelAccountType(await this.accounts.disable(id, actorOf(caller)));
  }

  private delay(minutes: number | null | undefined): number | null {
    if (minutes === null || minutes === undefined) return null;
    if (minutes < 0 || minutes > 7 * 24 * 60)
      throw new BadUserInputError(
        'input.mcfTrackingDelayMinutes',
        'must be between 0 and 10080 minutes (a week), or left out to wait for the carrier event.',
      );
    return minutes;
  }

  @ResolveField(() => Boolean, { description: 'Whether credentials are stored (they are never returned).' })
  hasCredentials(@Parent() account: ChannelAccountType, @Context() ctx: GraphqlContext): Promise<boolean> {
    return ctx.loaders.of(hasCredentialsLoader).load(account.id);
  }
}
