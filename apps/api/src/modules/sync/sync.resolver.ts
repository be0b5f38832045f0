import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { ConflictError } from 'src/common/errors/app-error';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { ChannelAccountType } from 'src/modules/channels/channel-account.type';
import { ChannelAccountsService } from 'src/modules/channels/channel-accounts.service';
import { OrderQuarantineService } from './quarantine/order-quarantine.service';
import { SyncSchedulerService } from './sync-scheduler.service';
import { SyncStateService } from './sync-state.service';
import { SyncStateType, toSyncStateType, type LeaseView } from './sync-state.type';
import { quarantineByAccountLoader, syncStateByAccountLoader } from './sync-state-by-account.loader';

@Resolver(() => ChannelAccountType)
export class SyncResolver {
  constructor(
    private readonly accounts: ChannelAccountsService,
    private readonly states: SyncStateService,
    private readonly scheduler: SyncSchedulerService,
    private readonly quarantine: OrderQuarantineService,
  ) {}

  @ResolveField(() => SyncStateType, {
    description: "The account's order import: watermark, progress, last error, next run.",
  })
  async syncState(@Parent() account: ChannelAccountType, @Context() ctx: GraphqlContext): Promise<SyncStateType> {
    const [state, quarantine] = await Promise.all([
      ctx.loaders.of(syncStateByAccountLoader).load(account.id),
      ctx.loaders.of(quarantineByAccountLoader).load(account.id),
    ]);
    return toSyncStateType(state, this.leaseView, quarantine);
  }

  @Mutation(() => SyncStateType, { description: 'Pulls the account now (does not wait for the pull to finish).' })
  @RequireRole(ApiRole.OPERATOR)
  async syncAccount(@Args('accountId', { type: () => ID }) accountId: string): Promise<SyncStateType> {
    const account = await this.accounts.get(accountId);
    if (account.disabledAt)
      throw new ConflictError(`Channel account ${account.name} is disabled: enable it before syncing.`);
    await this.scheduler.requestPull(accountId);
    const [quarantine] = await this.quarantine.summaries([accountId]);
    return toSyncStateType(await this.states.get(accountId), this.leaseView, quarantine);
  }

  /** A holder that missed two heartbeats is presumed stopped. */
  private get leaseView(): LeaseView {
    return { holder: this.states.holder, staleAfterMs: 2 * this.states.heartbeatMs };
  }
}
