import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { FieldCost, fixedComplexity } from 'src/common/graphql/cost-limit';
import { parseInput } from 'src/common/validation/parse-input';
import { MCF_SKU_MAP_LIST_MAX, McfSkuMapService } from './mcf-sku-map.service';
import { McfSkuMappingInput, McfSkuMappingType, McfStockType, toMcfSkuMappingType } from './mcf-sku-map.types';
import { McfStockService } from './mcf-stock.service';

const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });
/** Amazon seller SKUs are at most 40 characters; Walmart SKUs at most 50. Both columns allow 100. */
const sku = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty.' })
    .max(max, { message: `must be at most ${max} characters.` });
const rowSchema = z.object({ mcfAccountId: uuid, sellerSku: sku(100), amazonSku: sku(40) });

@Resolver(() => McfSkuMappingType)
export class McfSkuMapResolver {
  constructor(
    private readonly skuMap: McfSkuMapService,
    private readonly stock: McfStockService,
  ) {}

  @Query(() => [McfSkuMappingType], {
    description: `The SKU map by seller SKU (at most ${MCF_SKU_MAP_LIST_MAX}); search matches either SKU.`,
  })
  async mcfSkuMappings(
    @Args('mcfAccountId', { type: () => ID, nullable: true }) mcfAccountId?: string | null,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
  ): Promise<McfSkuMappingType[]> {
    parseInput(z.object({ mcfAccountId: uuid.nullish(), search: z.string().max(100).nullish() }), {
      mcfAccountId,
      search,
    });
    return (await this.skuMap.list(mcfAccountId ?? null, search ?? null)).map(toMcfSkuMappingType);
  }

  @Mutation(() => McfSkuMappingType, { description: 'Maps a seller SKU to an Amazon SKU (replacing its mapping).' })
  @RequireRole(ApiRole.ADMIN)
  async setMcfSkuMapping(
    @Args('input') input: McfSkuMappingInput,
    @CurrentCaller() caller: Caller,
  ): Promise<McfSkuMappingType> {
    const row = parseInput(z.object({ input: rowSchema }), { input }).input;
    const [saved] = await this.skuMap.set([row], actorOf(caller));
    return toMcfSkuMappingType(saved);
  }

  @Mutation(() => [McfSkuMappingType], { description: 'Several mappings at once (a pasted list), all or none.' })
  @RequireRole(ApiRole.ADMIN)
  async setMcfSkuMappings(
    @Args('inputs', { type: () => [McfSkuMappingInput] }) inputs: McfSkuMappingInput[],
    @CurrentCaller() caller: Caller,
  ): Promise<McfSkuMappingType[]> {
    const rows = parseInput(
      z.object({
        inputs: z
          .array(rowSchema)
          .min(1, { message: 'must list at least one mapping.' })
          .max(MCF_SKU_MAP_LIST_MAX, { message: `lists at most ${MCF_SKU_MAP_LIST_MAX} mappings at a time.` }),
      }),
      { inputs },
    ).inputs;
    return (await this.skuMap.set(rows, actorOf(caller))).map(toMcfSkuMappingType);
  }

  @Mutation(() => Boolean)
  @RequireRole(ApiRole.ADMIN)
  async deleteMcfSkuMapping(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    parseInput(z.object({ id: uuid }), { id });
    return this.skuMap.remove(id);
  }

  @Query(() => McfStockType, { description: 'Units of an Amazon SKU that MCF can fulfil, read from Amazon.' })
  async mcfStock(
    @Args('mcfAccountId', { type: () => ID }) mcfAccountId: string,
    @Args('amazonSku') amazonSku: string,
  ): Promise<McfStockType> {
    parseInput(z.object({ mcfAccountId: uuid, amazonSku: sku(40) }), { mcfAccountId, amazonSku });
    return this.stock.stock(mcfAccountId, amazonSku.trim());
  }

  @ResolveField('mcfStock', () => McfStockType, {
    complexity: fixedComplexity(FieldCost.LOOKUP),
    description: 'Units Amazon can fulfil of the Amazon SKU, read when asked (kept a minute).',
  })
  rowStock(@Parent() mapping: McfSkuMappingType): Promise<McfStockType> {
    return this.stock.stock(mapping.mcfAccountId, mapping.amazonSku);
  }
}
