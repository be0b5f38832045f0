import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { parseInput } from 'src/common/validation/parse-input';
import { SkuWeightsService } from './sku-weights.service';
import { SetSkuWeightsResultType, SkuWeightInput, SkuWeightType } from './sku-weight.types';

const accountId = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });
const sku = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty.' })
  .max(100, { message: 'must be at most 100 characters.' });
const listArgs = z.object({
  accountId,
  skus: z.array(sku).max(1000, { message: 'at most 1000 SKUs at a time.' }).nullish(),
});
const setArgs = z.object({
  accountId,
  rows: z
    .array(
      z.object({
        sku,
        weightOz: z
          .number()
          .positive({ message: 'must be above 0 ounces (null removes the weight).' })
          .max(2400, { message: 'must be at most 2400 ounces (150 lb), the most a parcel carrier takes.' })
          .nullable(),
      }),
    )
    .min(1, { message: 'must name at least one SKU.' })
    .max(1000, { message: 'at most 1000 SKUs at a time.' }),
});

/** SKU weights sit beside SKU bins in the catalogue: set by an operator, read by anyone. */
@Resolver()
export class SkuWeightsResolver {
  constructor(private readonly service: SkuWeightsService) {}

  @Query(() => [SkuWeightType], { description: "An account's SKU weights (of the SKUs named, else all), by SKU." })
  async skuWeights(
    @Args('accountId', { type: () => ID }) accountIdArg: string,
    @Args('skus', { type: () => [String], nullable: true }) skus?: string[] | null,
  ): Promise<SkuWeightType[]> {
    const input = parseInput(listArgs, { accountId: accountIdArg, skus });
    return this.service.list(input.accountId, input.skus ?? null);
  }

  @Mutation(() => SetSkuWeightsResultType, {
    description: "Sets each SKU's weight per unit; a null weight removes it.",
  })
  @RequireRole(ApiRole.OPERATOR)
  async setSkuWeights(
    @Args('accountId', { type: () => ID }) accountIdArg: string,
    @Args('rows', { type: () => [SkuWeightInput] }) rows: SkuWeightInput[],
    @CurrentCaller() caller: Caller,
  ): Promise<SetSkuWeightsResultType> {
    const input = parseInput(setArgs, { accountId: accountIdArg, rows });
    return this.service.set(input.accountId, input.rows, actorOf(caller));
  }
}
