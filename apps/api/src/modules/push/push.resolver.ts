import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { pollCadence } from '@order-hub/rules';
import { ApiRole } from '@order-hub/types';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { BadUserInputError } from 'src/common/errors/app-error';
import { decodeCursor, encodeCursor } from 'src/common/pagination/cursor';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { ChannelAccountType, toChannelAccountType } from 'src/modules/channels/channel-account.type';
import { ChannelAccountsService } from 'src/modules/channels/channel-accounts.service';
import { MissedPushConnectionType, PushEventConnectionType } from './dto/push-event.type';
import { PushStatusType } from './dto/push-status.type';
import { PushLedger } from './ledger/push-ledger.service';
import { pushActivityLoader } from './ledger/push-status.loader';
import { PushSubscriptionsService } from './subscriptions/push-subscriptions.service';

const EVENTS = 'push_event:received_at';
const MISSED = 'push_unannounced:found_at';
const MAX_PAGE = 200;

@Resolver(() => ChannelAccountType)
export class PushResolver {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly accounts: ChannelAccountsService,
    private readonly subscriptions: PushSubscriptionsService,
    private readonly ledger: PushLedger,
  ) {}

  @ResolveField(() => PushStatusType, {
    nullable: true,
    description: "The account's order pushes and its poll cadence; null when the channel has no pushes.",
  })
  async push(@Parent() account: ChannelAccountType, @Context() ctx: GraphqlContext): Promise<PushStatusType | null> {
    const availability = this.subscriptions.availability(account);
    if (!availability) return null;
    const { subscription: sub, counts } = await ctx.loaders.of(pushActivityLoader).load(account.id);
    const cadence = pollCadence({
      normalIntervalSeconds: this.config.sync.intervalMs[account.channel] / 1000,
      pushActive: sub?.state === 'ACTIVE',
      lastPushAt: sub?.lastEventAt ?? null,
      lastMissedAt: counts.lastMissedAt,
      now: new Date(),
    });
    return {
      transport: availability.transport,
      state: sub?.state ?? 'OFF',
      available: availability.available,
      unavailableReason: availability.unavailableReason,
      webhookUrl: availability.webhookUrl,
      subscribedAt: sub?.subscribedAt ?? null,
      subscribedBy: sub?.subscribedBy ?? null,
      lastEventAt: sub?.lastEventAt ?? null,
      eventsToday: counts.eventsToday,
      missedToday: counts.missedToday,
      missedLast7Days: counts.missedLast7Days,
      pendingEvents: counts.pendingEvents,
      failedLast7Days: counts.failedLast7Days,
      deadLetters: counts.deadLetters,
      lastError: sub?.lastError ?? null,
      lastErrorAt: sub?.lastErrorAt ?? null,
      lastTestAt: sub?.lastTestAt ?? null,
      pollMode: cadence.mode,
      pollIntervalSeconds: Math.round(cadence.intervalSeconds),
      pollModeReason: cadence.reason,
    };
  }

  @Query(() => PushEventConnectionType, { description: "The account's pushes, newest first." })
  @RequireRole(ApiRole.OPERATOR)
  async pushEvents(
    @Args('accountId', { type: () => ID }) accountId: string,
    @Args('outcome', { type: () => String, nullable: true }) outcome: string | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<PushEventConnectionType> {
    await this.accounts.get(accountId);
    const size = pageSize(first);
    const key = after ? decodeCursor(after, EVENTS) : null;
    const rows = await this.ledger.events(
      accountId,
      outcome ?? null,
      size + 1,
      key ? { receivedAt: String(key[0]), id: String(key[1]) } : null,
    );
    const edges = rows.slice(0, size).map((r) => ({
      cursor: encodeCursor(EVENTS, [new Date(r.receivedAt).toISOString(), r.id]),
      node: { ...r, attempts: Number(r.attempts) },
    }));
    return { edges, pageInfo: pageInfo(edges, rows.length > size, !!after) };
  }

  @Query(() => MissedPushConnectionType, {
    description: 'Orders polls found that no push announced (after the grace), newest first.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async missedPushes(
    @Args('accountId', { type: () => ID }) accountId: string,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<MissedPushConnectionType> {
    await this.accounts.get(accountId);
    const size = pageSize(first);
    const key = after ? decodeCursor(after, MISSED) : null;
    const rows = await this.ledger.missed(
      accountId,
      new Date(),
      size + 1,
      key ? { foundAt: String(key[0]), channelOrderId: String(key[1]) } : null,
    );
    const edges = rows.slice(0, size).map((r) => ({
      cursor: encodeCursor(MISSED, [r.foundAt.toISOString(), r.channelOrderId]),
      node: r,
    }));
    return { edges, pageInfo: pageInfo(edges, rows.length > size, !!after) };
  }

  @Mutation(() => ChannelAccountType, {
    description: "Subscribes the account to its channel's order pushes (replacing an earlier subscription).",
  })
  @RequireRole(ApiRole.ADMIN)
  async subscribePush(
    @Args('accountId', { type: () => ID }) accountId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ChannelAccountType> {
    await this.subscriptions.subscribe(accountId, actorOf(caller));
    return toChannelAccountType(await this.accounts.get(accountId));
  }

  @Mutation(() => ChannelAccountType, { description: "Removes the account's push subscription; polling goes on." })
  @RequireRole(ApiRole.ADMIN)
  async unsubscribePush(
    @Args('accountId', { type: () => ID }) accountId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ChannelAccountType> {
    await this.subscriptions.unsubscribe(accountId, actorOf(caller));
    return toChannelAccountType(await this.accounts.get(accountId));
  }

  @Mutation(() => ChannelAccountType, { description: 'Asks the channel to send the account a test push.' })
  @RequireRole(ApiRole.ADMIN)
  async sendPushTest(
    @Args('accountId', { type: () => ID }) accountId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ChannelAccountType> {
    await this.subscriptions.sendTest(accountId, actorOf(caller));
    return toChannelAccountType(await this.accounts.get(accountId));
  }
}

function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
    throw new BadUserInputError('first', `must be between 1 and ${MAX_PAGE}.`);
  return first;
}

function pageInfo(edges: { cursor: string }[], hasNextPage: boolean, hasPreviousPage: boolean) {
  return {
    hasNextPage,
    hasPreviousPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
}
