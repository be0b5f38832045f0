import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { decodeCursor, encodeCursor } from 'src/common/pagination/cursor';
import { parseInput } from 'src/common/validation/parse-input';
import { SkuBinsService } from './sku-bins.service';
import { SetSkuBinsResultType, SkuBinConnectionType, SkuBinInput } from './sku-bin.types';

const SORT = 'sku-bins-by-sku';
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
  rows: z
    .array(
      z.object({
        sku: z
          .string()
          .trim()
          .min(1, { message: 'must not be empty.' })
          .max(100, { message: 'must be at most 100 characters.' }),
        bin: z.string().trim().max(32, { message: 'must be at most 32 characters (blank removes the bin).' }),
      }),
    )
    .min(1, { message: 'must name at least one SKU.' })
    .max(1000, { message: 'at most 1000 SKUs at a time.' }),
});

@Resolver()
export class SkuBinsResolver {
  constructor(private readonly service: SkuBinsService) {}

  @Query(() => SkuBinConnectionType, { description: "An account's SKU → bin map, by SKU." })
  async skuBins(
    @Args('accountId', { type: () => ID }) accountIdArg: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<SkuBinConnectionType> {
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

  @Mutation(() => SetSkuBinsResultType, { description: "Sets each SKU's bin; a blank bin removes it." })
  @RequireRole(ApiRole.OPERATOR)
  async setSkuBins(
    @Args('accountId', { type: () => ID }) accountIdArg: string,
    @Args('rows', { type: () => [SkuBinInput] }) rows: SkuBinInput[],
    @CurrentCaller() caller: Caller,
  ): Promise<SetSkuBinsResultType> {
    const input = parseInput(setArgs, { accountId: accountIdArg, rows });
    return this.service.set(input.accountId, input.rows, actorOf(caller));
  }
}
