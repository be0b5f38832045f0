import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { FieldCost, fixedComplexity, pagedComplexity } from 'src/common/graphql/cost-limit';
import { countOnce } from 'src/common/graphql/connection-count';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { parseInput } from 'src/common/validation/parse-input';
import { ChannelAccountType, toChannelAccountType } from 'src/modules/channels/channel-account.type';
import { OrderFilter } from './dto/order-filter.input';
import { Channel } from '@order-hub/types';
import { z } from 'zod';
import { CountEstimateType, OrderConnectionType, OrderViewCountType } from './order-connection.type';
import { OrderLineType, toOrderLineType } from './order-line.type';
import { OrderType, toOrderType } from './order.type';
import {
  DEFAULT_PAGE_SIZE,
  orderFilterSchema,
  OrdersArgs,
  ordersArgsSchema,
  toOrderQuery,
  type OrderQuery,
} from './orders.args';

const orderNumberSchema = z.object({
  number: z
    .string()
    .trim()
    .min(1, { message: 'must not be blank.' })
    .max(64, { message: 'must be at most 64 characters.' }),
});
import { OrdersService } from './orders.service';
import { accountByIdLoader } from 'src/modules/channels/account-by-id.loader';
import { linesByOrderLoader } from './lines-by-order.loader';

@Resolver(() => OrderType)
export class OrdersResolver {
  constructor(private readonly service: OrdersService) {}

  @Query(() => OrderConnectionType, { complexity: pagedComplexity(DEFAULT_PAGE_SIZE, FieldCost.AGGREGATE) })
  async orders(@Args() args: OrdersArgs): Promise<OrderConnectionType> {
    const input = parseInput(ordersArgsSchema, args);
    const page = await this.service.list(
      { ...toOrderQuery(input.filter), sort: (input.sort as OrderQuery['sort']) ?? null },
      input.first ?? DEFAULT_PAGE_SIZE,
      input.after ?? null,
    );
    return {
      edges: page.rows.map((r) => ({ cursor: r.cursor, node: toOrderType(r.order), matches: r.matches })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.rows[0]?.cursor ?? null,
        endCursor: page.rows.at(-1)?.cursor ?? null,
      },
      count: page.count,
      approximate: page.approximate,
    };
  }

  @Query(() => [OrderViewCountType], {
    complexity: fixedComplexity(FieldCost.AGGREGATE),
    description: 'Counts for each inbox view under the same filter (its view ignored).',
  })
  async orderViewCounts(
    @Args('filter', { type: () => OrderFilter, nullable: true }) filter?: OrderFilter,
  ): Promise<OrderViewCountType[]> {
    const { view: _ignored, ...query } = toOrderQuery(parseInput(orderFilterSchema, filter));
    return this.service.viewCounts(query);
  }

  @Query(() => OrderType, {
    nullable: true,
    description:
      "The channel's order with this number (its order number, or the customer order number); null when none.",
  })
  async orderByNumber(
    @Args('channel', { type: () => Channel }) channel: Channel,
    @Args('number') number: string,
  ): Promise<OrderType | null> {
    parseInput(orderNumberSchema, { number });
    const found = await this.service.getByNumber(channel, number.trim());
    return found ? toOrderType(found) : null;
  }

  @Query(() => OrderType, { nullable: true })
  async order(@Args('id', { type: () => ID }) id: string): Promise<OrderType | null> {
    const found = await this.service.get(id);
    return found ? toOrderType(found) : null;
  }

  @ResolveField(() => ChannelAccountType)
  async account(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<ChannelAccountType> {
    return toChannelAccountType((await ctx.loaders.of(accountByIdLoader).load(order.accountId))!);
  }

  @ResolveField(() => [OrderLineType])
  async lines(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<OrderLineType[]> {
    return (await ctx.loaders.of(linesByOrderLoader).load(order.id)).map(toOrderLineType);
  }
}

@Resolver(() => OrderConnectionType)
export class OrderConnectionResolver {
  @ResolveField(() => Int, { description: 'Orders matching the filter, across all pages.' })
  totalCount(@Parent() connection: OrderConnectionType): Promise<number> {
    return countOnce(connection);
  }

  @ResolveField(() => CountEstimateType, {
    description:
      'Orders matching the filter: exact where that is cheap, a planner estimate (exact: false) for large unfiltered sets. The console shows this; totalCount is always exact.',
  })
  approximateCount(@Parent() connection: OrderConnectionType): Promise<CountEstimateType> {
    return connection.approximate();
  }
}
