import { orderByIdLoader } from 'src/modules/orders/order-by-id.loader';
import { Args, Context, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { buyerMessageReplyUrl } from '@order-hub/rules';
import { ApiRole, BuyerMessageState, Channel } from '@order-hub/types';
import { countOnce } from 'src/common/graphql/connection-count';
import { FieldCost, fixedComplexity, pagedComplexity } from 'src/common/graphql/cost-limit';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { decodeCursor, encodeCursor } from 'src/common/pagination/cursor';
import { parseInput } from 'src/common/validation/parse-input';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { accountByIdLoader } from 'src/modules/channels/account-by-id.loader';
import { ChannelAccountType, toChannelAccountType } from 'src/modules/channels/channel-account.type';
import { OrderType, toOrderType } from 'src/modules/orders/order.type';
import { z } from 'zod';
import { buyerMessagesByOrderLoader } from './buyer-messages.loaders';
import { BuyerMessagesService } from './buyer-messages.service';
import {
  BUYER_MESSAGES_PAGE_SIZE,
  BuyerMessageConnectionType,
  BuyerMessageCountsType,
  BuyerMessagesArgs,
  buyerMessagesArgsSchema,
  BuyerMessageType,
  markAnsweredSchema,
  toBuyerMessageType,
  uuid,
} from './buyer-message.type';
import { messageClock } from './message-clock';

const SORT = 'received-desc';

@Resolver(() => BuyerMessageType)
export class BuyerMessagesResolver {
  constructor(private readonly service: BuyerMessagesService) {}

  @Query(() => BuyerMessageConnectionType, {
    complexity: pagedComplexity(BUYER_MESSAGES_PAGE_SIZE, FieldCost.AGGREGATE),
    description: 'Buyer messages and performance e-mails read from the mailbox, newest first.',
  })
  async buyerMessages(@Args() args: BuyerMessagesArgs): Promise<BuyerMessageConnectionType> {
    const input = parseInput(buyerMessagesArgsSchema, args);
    const now = new Date();
    const query = input.filter ?? {};
    const after = input.after ? decodeCursor(input.after, SORT) : null;
    const page = await this.service.page(
      query,
      now,
      input.first ?? BUYER_MESSAGES_PAGE_SIZE,
      after ? { receivedAt: String(after[0]), id: String(after[1]) } : null,
    );
    const edges = page.rows.map((m) => ({
      cursor: encodeCursor(SORT, [m.receivedAt.toISOString(), m.id]),
      node: toBuyerMessageType(m),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      count: () => this.service.count(query, now),
    };
  }

  @Query(() => BuyerMessageType, { nullable: true })
  async buyerMessage(@Args('id', { type: () => ID }) id: string): Promise<BuyerMessageType | null> {
    parseInput(z.object({ id: uuid }), { id });
    const found = await this.service.findById(id);
    return found ? toBuyerMessageType(found) : null;
  }

  @Query(() => BuyerMessageCountsType, {
    complexity: fixedComplexity(FieldCost.AGGREGATE),
    description: 'Unanswered buyer messages by where their clock stands (for the nav and the Messages page).',
  })
  buyerMessageCounts(
    @Args('channel', { type: () => Channel, nullable: true }) channel: Channel | null,
    @Args('accountId', { type: () => ID, nullable: true }) accountId: string | null,
  ): Promise<BuyerMessageCountsType> {
    const input = parseInput(z.object({ channel: z.nativeEnum(Channel).nullish(), accountId: uuid.nullish() }), {
      channel,
      accountId,
    });
    return this.service.counts(input, new Date());
  }

  @Mutation(() => BuyerMessageType, {
    description:
      'Records that the message was answered outside the mailbox (on the channel page, by phone), with a note; its alerts resolve. A performance e-mail also answers its channel warning.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async markBuyerMessageAnswered(
    @Args('id', { type: () => ID }) id: string,
    @Args('note') note: string,
    @CurrentCaller() caller: Caller,
  ): Promise<BuyerMessageType> {
    const input = parseInput(markAnsweredSchema, { id, note });
    return toBuyerMessageType(await this.service.markAnswered(input.id, input.note, actorOf(caller)));
  }

  @ResolveField(() => BuyerMessageState)
  state(@Parent() m: BuyerMessageType): BuyerMessageState {
    return messageClock(m.entity, new Date()).state;
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: 'Hours left until respondBy when the request was served (negative once passed); null when answered.',
  })
  hoursLeft(@Parent() m: BuyerMessageType): number | null {
    if (m.answeredAt) return null;
    return Math.round(messageClock(m.entity, new Date()).hoursLeft * 10) / 10;
  }

  @ResolveField(() => String, { description: "The channel's own page to answer it on (the hub never sends it)." })
  async replyUrl(@Parent() m: BuyerMessageType, @Context() ctx: GraphqlContext): Promise<string> {
    const order = m.orderId ? await ctx.loaders.of(orderByIdLoader).load(m.orderId) : null;
    return buyerMessageReplyUrl(m.channel, order?.channelOrderId ?? null);
  }

  @ResolveField(() => ChannelAccountType, {
    nullable: true,
    description: 'Null when it names no account the hub knows.',
  })
  async account(@Parent() m: BuyerMessageType, @Context() ctx: GraphqlContext): Promise<ChannelAccountType | null> {
    if (!m.accountId) return null;
    const account = await ctx.loaders.of(accountByIdLoader).load(m.accountId);
    return account ? toChannelAccountType(account) : null;
  }

  @ResolveField(() => OrderType, { nullable: true, description: 'The order its number names; null when none.' })
  async order(@Parent() m: BuyerMessageType, @Context() ctx: GraphqlContext): Promise<OrderType | null> {
    if (!m.orderId) return null;
    const order = await ctx.loaders.of(orderByIdLoader).load(m.orderId);
    return order ? toOrderType(order) : null;
  }
}

@Resolver(() => BuyerMessageConnectionType)
export class BuyerMessageConnectionResolver {
  @ResolveField(() => Int, { description: 'Messages matching the filter, across all pages.' })
  totalCount(@Parent() connection: BuyerMessageConnectionType): Promise<number> {
    return countOnce(connection);
  }
}

@Resolver(() => OrderType)
export class OrderBuyerMessagesResolver {
  @ResolveField(() => [BuyerMessageType], {
    description: 'Buyer messages and performance e-mails naming this order, newest first.',
  })
  async buyerMessages(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<BuyerMessageType[]> {
    return (await ctx.loaders.of(buyerMessagesByOrderLoader).load(order.id)).map(toBuyerMessageType);
  }
}
