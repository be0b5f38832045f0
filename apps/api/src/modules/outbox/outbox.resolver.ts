import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiRole, Channel } from '@order-hub/types';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { pagedComplexity } from 'src/common/graphql/cost-limit';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { parseInput } from 'src/common/validation/parse-input';
import { OrderType } from 'src/modules/orders/order.type';
import { OutboxEntriesArgs, outboxEntriesArgsSchema, outboxEntryIdSchema } from './dto/outbox.args';
import { OutboxAdminService } from './outbox-admin.service';
import { OutboxEntryConnectionType } from './outbox-connection.type';
import {
  ChannelRefusalType,
  channelRefusalsOf,
  OutboxAttemptType,
  OutboxEntryType,
  toOutboxAttemptType,
  toOutboxEntryType,
} from './outbox-entry.type';
import { OutboxService } from './outbox.service';
import { accountByIdLoader } from 'src/modules/channels/account-by-id.loader';
import { attemptsByOutboxLoader } from './attempts-by-outbox.loader';
import { outboxByOrderLoader } from './outbox-by-order.loader';

@Resolver(() => OutboxEntryType)
export class OutboxResolver {
  constructor(
    private readonly admin: OutboxAdminService,
    private readonly outbox: OutboxService,
  ) {}

  @Query(() => OutboxEntryConnectionType, {
    complexity: pagedComplexity(50),
    description: 'Channel calls, newest first; the console queue lists FAILED and DEAD ones.',
  })
  async outboxEntries(@Args() args: OutboxEntriesArgs): Promise<OutboxEntryConnectionType> {
    const input = parseInput(outboxEntriesArgsSchema, args);
    const first = input.first ?? 50;
    const page = await this.admin.list(
      { statuses: args.statuses, accountId: input.accountId, orderId: input.orderId },
      first,
      input.after ?? null,
    );
    const edges = page.rows.map((r) => ({ cursor: page.cursorOf(r), node: toOutboxEntryType(r) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(input.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Mutation(() => OutboxEntryType, {
    description: 'Gives a FAILED or DEAD entry up, keeping the reason, and undoes what the hub recorded for it.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async discardOutboxEntry(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @CurrentCaller() caller: Caller,
  ): Promise<OutboxEntryType> {
    return toOutboxEntryType(await this.admin.discard(id, reason, actorOf(caller)));
  }

  @Query(() => OutboxEntryType, { nullable: true })
  async outboxEntry(@Args('id', { type: () => ID }) id: string): Promise<OutboxEntryType | null> {
    const { id: valid } = parseInput(outboxEntryIdSchema, { id });
    const row = await this.outbox.get(valid);
    return row ? toOutboxEntryType(row) : null;
  }

  @ResolveField(() => Channel, { description: 'The channel the call goes to.' })
  async channel(@Parent() entry: OutboxEntryType, @Context() ctx: GraphqlContext): Promise<Channel> {
    return (await ctx.loaders.of(accountByIdLoader).load(entry.accountId))!.channel;
  }

  @ResolveField(() => [OutboxAttemptType])
  async attemptLog(@Parent() entry: OutboxEntryType, @Context() ctx: GraphqlContext): Promise<OutboxAttemptType[]> {
    return (await ctx.loaders.of(attemptsByOutboxLoader).load(entry.id)).map(toOutboxAttemptType);
  }
}

@Resolver(() => OrderType)
export class OrderOutboxResolver {
  @ResolveField(() => [OutboxEntryType], {
    description: 'Channel calls for this order, oldest first (the timeline shows them with the audit events).',
  })
  async outbox(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<OutboxEntryType[]> {
    return (await ctx.loaders.of(outboxByOrderLoader).load(order.id)).map(toOutboxEntryType);
  }

  @ResolveField(() => [ChannelRefusalType], {
    description:
      'Calls the channel refused for good and has not taken since, newest first (the "Channel refused" badge).',
  })
  async channelRefusals(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<ChannelRefusalType[]> {
    return channelRefusalsOf(await ctx.loaders.of(outboxByOrderLoader).load(order.id));
  }
}
