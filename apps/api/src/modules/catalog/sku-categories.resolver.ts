import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { decodeCursor, encodeCursor } from 'src/common/pagination/cursor';
import { parseInput } from 'src/common/validation/parse-input';
import { SkuCategoriesService } from './sku-categories.service';
import { SetSkuCategoriesResultType, SkuCategoryConnectionType, SkuCategoryInput } from './sku-category.types';

const SORT = 'sku-categories-by-sku';
const DEFAULT_PAGE_SIZE = 50;
const accountId = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });
const listArgs = z.object({
  accountId,
  first: z
    .number()
    .int()
    .min(1, { message: 'must be at least 1.' })
    .max(200, { message: 'must be at most 200.' })
    .nullish(),
  after: z.string().nullish(),
});
const setArgs = z.object({
  accountId,
  entries: z
    .array(
      z.object({
        sku: z
          .string()
          .trim()
          .min(1, { message: 'must not be empty.' })
          .max(64, { message: 'must be at most 64 characters.' }),
        category: z.string().trim().max(64, { message: 'must be at most 64 characters (empty removes the mapping).' }),
      }),
    )
    .min(1, { message: 'must name at least one SKU.' })
    .max(1000, { message: 'at most 1000 SKUs at a time.' }),
});

@Resolver()
export class SkuCategoriesResolver {
  constructor(private readonly service: SkuCategoriesService) {}

  @Query(() => SkuCategoryConnectionType, { description: "An account's SKU → product category map, by SKU." })
  async skuCategories(
    @Args('accountId', { type: () => ID }) accountIdArg: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<SkuCategoryConnectionType> {
    const input = parseInput(listArgs, { accountId: accountIdArg, first, after });
    const afterSku = input.after ? String(decodeCursor(input.after, SORT)[0]) : null;
    const size = input.first ?? DEFAULT_PAGE_SIZE;
    const rows = await this.service.page(input.accountId, size + 1, afterSku);
    const edges = rows.slice(0, size).map((r) => ({ cursor: encodeCursor(SORT, [r.sku]), node: r }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: afterSku !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: await this.service.count(input.accountId),
    };
  }

  @Mutation(() => SetSkuCategoriesResultType, {
    description: 'Sets the product category of each SKU; an empty category removes the mapping.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async setSkuCategories(
    @Args('accountId', { type: () => ID }) accountIdArg: string,
    @Args('entries', { type: () => [SkuCategoryInput] }) entries: SkuCategoryInput[],
    @CurrentCaller() caller: Caller,
  ): Promise<SetSkuCategoriesResultType> {
    const input = parseInput(setArgs, { accountId: accountIdArg, entries });
    return this.service.set(input.accountId, input.entries, actorOf(caller));
  }
}
