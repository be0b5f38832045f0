import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { parseInput } from 'src/common/validation/parse-input';
import { OrderType } from 'src/modules/orders/order.type';
import { labelCostByOrderLoader } from './label-costs.loader';
import { LabelCostsService } from './label-costs.service';
import { LabelCostMonthType } from './label-costs.types';

const MAX_DAYS = 400;
const costArgs = z
  .object({
    from: z.date({ message: 'must be a date-time.' }),
    to: z.date({ message: 'must be a date-time.' }),
    accountId: z.string().uuid({ message: 'must be an id returned by the API (a UUID).' }).nullish(),
  })
  .refine((a) => a.from < a.to, { path: ['to'], message: 'must be after from.' })
  .refine((a) => a.to.getTime() - a.from.getTime() <= MAX_DAYS * 86_400_000, {
    path: ['to'],
    message: `must be at most ${MAX_DAYS} days after from.`,
  });

/** Label costs: per order (a column of the inbox) and per channel per month. */
@Resolver(() => OrderType)
export class LabelCostsResolver {
  constructor(private readonly costs: LabelCostsService) {}

  @ResolveField(() => Int, {
    nullable: true,
    description: "What the order's bought labels cost, in cents (voided ones excluded); null when it has none.",
  })
  labelCostCents(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<number | null> {
    return ctx.loaders.of(labelCostByOrderLoader).load(order.id);
  }

  @Query(() => [LabelCostMonthType], {
    description:
      "Bought label costs per channel and month (the month in each account's time zone), for labels bought in [from, to) (at most 400 days).",
  })
  labelCosts(
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('accountId', { type: () => ID, nullable: true }) accountId?: string | null,
  ): Promise<LabelCostMonthType[]> {
    const input = parseInput(costArgs, { from, to, accountId });
    return this.costs.monthly(input.from, input.to, input.accountId ?? null);
  }
}
