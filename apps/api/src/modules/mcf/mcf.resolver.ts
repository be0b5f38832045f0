import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { FieldCost, fixedComplexity } from 'src/common/graphql/cost-limit';
import { parseInput } from 'src/common/validation/parse-input';
import { OrderType, toOrderType } from 'src/modules/orders/order.type';
import { McfRepository } from './mcf-order.repository';
import { McfRoutingService } from './mcf-routing.service';
import {
  McfOrderType,
  McfQueueCountsType,
  RouteResultType,
  RoutingRuleInput,
  RoutingRuleType,
  toMcfOrderType,
  toRoutingRuleType,
} from './mcf.types';
import { RoutingRulesService } from './routing-rules.service';
import { SKU_PATTERN_MAX_LENGTH } from './routing-match';
import { mcfOrderByOrderLoader } from './mcf-order-by-order.loader';
import { originOrderLoader, routedCountByRuleLoader } from './mcf-loaders';

const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });
const ruleSchema = z.object({
  input: z.object({
    name: z
      .string()
      .trim()
      .min(1, { message: 'must not be empty.' })
      .max(120, { message: 'must be at most 120 characters.' }),
    accountId: uuid,
    mcfAccountId: uuid,
    priority: z
      .number()
      .int()
      .min(0, { message: 'must be 0 or more.' })
      .max(10_000, { message: 'must be at most 10000.' }),
    countries: z.array(z.string().regex(/^[A-Za-z]{2}$/, { message: 'must be ISO alpha-2 country codes such as US.' })),
    skus: z.array(z.string().trim().min(1, { message: 'must not contain empty SKUs.' })),
    skuPattern: z
      .string()
      .max(SKU_PATTERN_MAX_LENGTH, { message: `must be at most ${SKU_PATTERN_MAX_LENGTH} characters.` })
      .nullable(),
  }),
});

@Resolver()
export class McfResolver {
  constructor(
    private readonly rules: RoutingRulesService,
    private readonly routing: McfRoutingService,
    private readonly mcfRecords: McfRepository,
  ) {}

  @Query(() => [RoutingRuleType])
  async routingRules(
    @Args('accountId', { type: () => ID, nullable: true }) accountId?: string | null,
  ): Promise<RoutingRuleType[]> {
    parseInput(z.object({ accountId: uuid.nullish() }), { accountId });
    return (await this.rules.list(accountId)).map(toRoutingRuleType);
  }

  @Mutation(() => RoutingRuleType, { description: 'Creates a rule, or updates the one with this id.' })
  @RequireRole(ApiRole.ADMIN)
  async saveRoutingRule(
    @Args('input') input: RoutingRuleInput,
    @Args('id', { type: () => ID, nullable: true }) id: string | null,
    @CurrentCaller() caller: Caller,
  ): Promise<RoutingRuleType> {
    const rule = this.normalise(input);
    parseInput(ruleSchema, { input: rule });
    return toRoutingRuleType(await this.rules.save(id ?? null, rule, actorOf(caller)));
  }

  @Mutation(() => Boolean)
  @RequireRole(ApiRole.ADMIN)
  async deleteRoutingRule(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<boolean> {
    parseInput(z.object({ id: uuid }), { id });
    return this.rules.remove(id, actorOf(caller));
  }

  @Query(() => [OrderType], {
    complexity: fixedComplexity(FieldCost.AGGREGATE),
    description: 'The open orders the rule would route, before it is saved (stock is checked when routing).',
  })
  async previewRoutingRule(@Args('input') input: RoutingRuleInput): Promise<OrderType[]> {
    const rule = this.normalise(input);
    parseInput(ruleSchema, { input: rule });
    return (await this.rules.preview(rule)).map(toOrderType);
  }

  @Mutation(() => [RouteResultType], {
    description: "Routes orders to Amazon MCF by their account's rules, or to mcfAccountId when given.",
  })
  @RequireRole(ApiRole.OPERATOR)
  async routeOrdersToMcf(
    @Args('orderIds', { type: () => [ID] }) orderIds: string[],
    @Args('mcfAccountId', { type: () => ID, nullable: true }) mcfAccountId: string | null,
    @CurrentCaller() caller: Caller,
  ): Promise<RouteResultType[]> {
    parseInput(
      z.object({
        orderIds: z
          .array(z.string())
          .min(1, { message: 'must name at least one order.' })
          .max(200, { message: 'at most 200 orders at a time.' }),
        mcfAccountId: uuid.nullish(),
      }),
      { orderIds, mcfAccountId },
    );
    return this.routing.route(orderIds, mcfAccountId ?? null, actorOf(caller));
  }

  @Query(() => [McfOrderType], { description: 'MCF orders, newest first; held: only those with tracking held back.' })
  async mcfOrders(
    @Args('statuses', { type: () => [String], nullable: true }) statuses?: string[] | null,
    @Args('held', { type: () => Boolean, nullable: true }) held?: boolean | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first?: number,
    @Args('before', {
      type: () => Date,
      nullable: true,
      description: 'createdAt of the last order of the previous page.',
    })
    before?: Date | null,
  ): Promise<McfOrderType[]> {
    parseInput(
      z.object({
        first: z
          .number()
          .int()
          .min(1, { message: 'must be between 1 and 200.' })
          .max(200, { message: 'must be between 1 and 200.' }),
      }),
      { first },
    );
    return (
      await this.mcfRecords.list(
        { statuses: statuses ?? null, before: before ?? null, held: held ?? null },
        first ?? 50,
      )
    ).map(toMcfOrderType);
  }

  @Query(() => McfQueueCountsType, {
    complexity: fixedComplexity(FieldCost.AGGREGATE),
    description: 'How many MCF orders each queue tab holds (one scan).',
  })
  mcfQueueCounts(): Promise<McfQueueCountsType> {
    return this.mcfRecords.queueCounts();
  }

  private normalise(input: RoutingRuleInput) {
    return {
      name: input.name,
      accountId: input.accountId,
      mcfAccountId: input.mcfAccountId,
      enabled: input.enabled ?? true,
      priority: input.priority ?? 100,
      skus: input.skus ?? [],
      skuPattern: input.skuPattern?.trim() || null,
      countries: (input.countries ?? []).map((c) => c.toUpperCase()),
      requireStock: input.requireStock ?? true,
      applyOnImport: input.applyOnImport ?? true,
    };
  }
}

@Resolver(() => OrderType)
export class OrderMcfResolver {
  @ResolveField(() => McfOrderType, {
    nullable: true,
    description: 'Its Amazon MCF fulfilment, when routed (or the reason it was not).',
  })
  async mcfOrder(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<McfOrderType | null> {
    const found = await ctx.loaders.of(mcfOrderByOrderLoader).load(order.id);
    return found ? toMcfOrderType(found) : null;
  }
}

@Resolver(() => McfOrderType)
export class McfOrderOriginResolver {
  @ResolveField(() => OrderType, {
    nullable: true,
    description: 'The origin order (the Walmart order Amazon fulfils).',
  })
  async order(@Parent() mcf: McfOrderType, @Context() ctx: GraphqlContext): Promise<OrderType | null> {
    const found = await ctx.loaders.of(originOrderLoader).load(mcf.orderId);
    return found ? toOrderType(found) : null;
  }
}

@Resolver(() => RoutingRuleType)
export class RoutingRuleCountsResolver {
  @ResolveField(() => Int, { description: 'How many orders this rule routed to Amazon MCF.' })
  routedOrders(@Parent() rule: RoutingRuleType, @Context() ctx: GraphqlContext): Promise<number> {
    return ctx.loaders.of(routedCountByRuleLoader).load(rule.id);
  }
}
