import { orderByIdLoader } from 'src/modules/orders/order-by-id.loader';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { channelProfile, policyFor, proposeReturnRefund, refundClock, returnReasonLabel } from '@order-hub/rules';
import { ApiRole, Channel } from '@order-hub/types';
import { countOnce } from 'src/common/graphql/connection-count';
import { FieldCost, fixedComplexity, pagedComplexity } from 'src/common/graphql/cost-limit';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { parseInput } from 'src/common/validation/parse-input';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { accountByIdLoader } from 'src/modules/channels/account-by-id.loader';
import { ChannelAccountType } from 'src/modules/channels/channel-account.type';
import { OrderType, toOrderType } from 'src/modules/orders/order.type';
import { z } from 'zod';
import {
  RefundClockType,
  ReturnConnectionType,
  ReturnCountsType,
  ReturnLineType,
  ReturnType,
  toReturnType,
} from './return.type';
import { RETURNS_PAGE_SIZE, ReturnsArgs, returnsArgsSchema, toReturnQuery, uuid } from './returns.args';
import { returnSyncStateLoader, returnsByOrderLoader, unitsInFlightLoader } from './returns.loaders';
import { ReturnsSyncService } from './returns-sync.service';
import { ReturnsSyncStateType, toReturnsSyncStateType } from './returns-sync-state.type';
import { ReturnsService } from './returns.service';

@Resolver(() => ReturnType)
export class ReturnsResolver {
  constructor(
    private readonly service: ReturnsService,
    private readonly sync: ReturnsSyncService,
  ) {}

  @Query(() => ReturnConnectionType, {
    complexity: pagedComplexity(RETURNS_PAGE_SIZE, FieldCost.AGGREGATE),
    description: 'Returns the channels reported, newest request first (refundsDue: oldest receipt first).',
  })
  async returns(@Args() args: ReturnsArgs): Promise<ReturnConnectionType> {
    const input = parseInput(returnsArgsSchema, args);
    const page = await this.service.list(
      toReturnQuery(input.filter),
      input.first ?? RETURNS_PAGE_SIZE,
      input.after ?? null,
    );
    return {
      edges: page.rows.map((r) => ({ cursor: r.cursor, node: toReturnType(r.node) })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: input.after != null,
        startCursor: page.rows[0]?.cursor ?? null,
        endCursor: page.rows.at(-1)?.cursor ?? null,
      },
      count: page.totalCount,
    };
  }

  @Query(() => ReturnType, { nullable: true })
  async return(@Args('id', { type: () => ID }) id: string): Promise<ReturnType | null> {
    parseInput(z.object({ id: uuid }), { id });
    const found = await this.service.findById(id);
    return found ? toReturnType(found) : null;
  }

  @Query(() => ReturnCountsType, {
    complexity: fixedComplexity(FieldCost.AGGREGATE),
    description: "The channel's returns owing a refund (due soon, overdue) and those it refunded itself in 30 days.",
  })
  returnCounts(@Args('channel', { type: () => Channel }) channel: Channel): Promise<ReturnCountsType> {
    return this.service.counts(channel);
  }

  @Mutation(() => ReturnsSyncStateType, {
    description: "Reads the account's returns from the channel now and answers where the import stands.",
  })
  @RequireRole(ApiRole.OPERATOR)
  async refreshReturns(@Args('accountId', { type: () => ID }) accountId: string): Promise<ReturnsSyncStateType> {
    parseInput(z.object({ accountId: uuid }), { accountId });
    return toReturnsSyncStateType(await this.sync.refreshNow(accountId));
  }

  @ResolveField(() => String)
  async accountName(@Parent() r: ReturnType, @Context() ctx: GraphqlContext): Promise<string> {
    return (await ctx.loaders.of(accountByIdLoader).load(r.accountId))?.name ?? '';
  }

  @ResolveField(() => OrderType, { nullable: true })
  async order(@Parent() r: ReturnType, @Context() ctx: GraphqlContext): Promise<OrderType | null> {
    if (!r.orderId) return null;
    const order = await ctx.loaders.of(orderByIdLoader).load(r.orderId);
    return order ? toOrderType(order) : null;
  }

  @ResolveField(() => RefundClockType)
  async refundClock(@Parent() r: ReturnType, @Context() ctx: GraphqlContext): Promise<RefundClockType> {
    const account = await ctx.loaders.of(accountByIdLoader).load(r.accountId);
    const policy = policyFor(r.channel, account?.marketplace ?? '', r.receivedAt ?? r.requestedAt);
    const { state, dueAt, label } = refundClock(policy, r, new Date());
    return { state, dueAt, label };
  }

  @ResolveField(() => [ReturnLineType])
  async lines(@Parent() r: ReturnType, @Context() ctx: GraphqlContext): Promise<ReturnLineType[]> {
    const inFlight = await ctx.loaders.of(unitsInFlightLoader).load(r.stored);
    return r.stored.lines.map((l) => {
      const refundable = Math.max(0, l.quantity - l.quantityRefunded - (inFlight.get(l.returnLineNumber) ?? 0));
      return {
        returnLineNumber: l.returnLineNumber,
        channelOrderId: l.channelOrderId,
        orderId: l.orderId,
        lineNumber: l.lineNumber,
        sku: l.sku,
        productName: l.productName,
        quantity: l.quantity,
        quantityRefunded: l.quantityRefunded,
        quantityRefundable: refundable,
        reasonCode: l.reasonCode,
        reasonLabel: returnReasonLabel(r.channel, l.reasonCode),
        reasonCategory: l.reasonCategory,
        status: l.status,
        receivedAt: l.receivedAt,
        refundedBy: l.refundedBy,
        unitPriceCents: l.unitPriceCents,
        unitTaxCents: l.unitTaxCents,
        proposedRefundCents: proposeReturnRefund(l, refundable).amountCents,
      };
    });
  }
}

@Resolver(() => ReturnConnectionType)
export class ReturnConnectionResolver {
  @ResolveField(() => Int, { description: 'Returns matching the filter, across all pages.' })
  totalCount(@Parent() connection: ReturnConnectionType): Promise<number> {
    return countOnce(connection);
  }
}

@Resolver(() => OrderType)
export class OrderReturnsResolver {
  @ResolveField(() => [ReturnType], { description: 'Returns of this order (or of one of its lines), newest first.' })
  async returns(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<ReturnType[]> {
    return (await ctx.loaders.of(returnsByOrderLoader).load(order.id)).map(toReturnType);
  }
}

@Resolver(() => ChannelAccountType)
export class AccountReturnsSyncResolver {
  @ResolveField(() => ReturnsSyncStateType, {
    nullable: true,
    description: "The account's returns import (null when the channel publishes no returns the hub reads).",
  })
  async returnsSync(
    @Parent() account: ChannelAccountType,
    @Context() ctx: GraphqlContext,
  ): Promise<ReturnsSyncStateType | null> {
    if (!channelProfile(account.channel).returns) return null;
    const state = await ctx.loaders.of(returnSyncStateLoader).load(account.id);
    return state
      ? toReturnsSyncStateType(state)
      : toReturnsSyncStateType({
          accountId: account.id,
          watermark: null,
          nextRunAt: null,
          lastStartedAt: null,
          lastSuccessAt: null,
          lastError: null,
          lastErrorAt: null,
          attempts: 0,
          returnsImported: 0,
          returnsUpdated: 0,
          rejected: [],
          lockedUntil: null,
          leaseHolder: null,
        });
  }
}
