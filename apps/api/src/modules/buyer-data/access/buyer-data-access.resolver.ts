import { Args, Query, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { BadUserInputError } from 'src/common/errors/app-error';
import { pagedComplexity, FieldCost } from 'src/common/graphql/cost-limit';
import { decodeCursor, encodeCursor } from 'src/common/pagination/cursor';
import { parseInput } from 'src/common/validation/parse-input';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { BuyerDataAccessRepository, type AccessLogRow } from './buyer-data-access.repository';
import { accessLogArgsSchema } from './buyer-data-access.args';
import {
  BuyerDataAccessConnectionType,
  BuyerDataAccessLogArgs,
  type BuyerDataAccessType,
} from './buyer-data-access.type';
import { UUID } from 'src/common/validation/uuid';

const SORT = 'buyer-data-access:newest';
export const accessCsvPath = (from: Date, to: Date) =>
  `/api/buyer-data-access.csv?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;

export function toAccessType(r: AccessLogRow): BuyerDataAccessType {
  const { atKey: _key, ...rest } = r;
  return { ...rest, fields: r.fields.split(',') };
}

@Resolver()
export class BuyerDataAccessResolver {
  constructor(private readonly log: BuyerDataAccessRepository) {}

  @Query(() => BuyerDataAccessConnectionType, {
    complexity: pagedComplexity(50, FieldCost.AGGREGATE),
    description: "Who read buyers' data (order page, evidence, raw orders), newest first. ADMIN.",
  })
  @RequireRole(ApiRole.ADMIN)
  async buyerDataAccessLog(@Args() args: BuyerDataAccessLogArgs): Promise<BuyerDataAccessConnectionType> {
    const input = parseInput(accessLogArgsSchema, args);
    const limit = input.first ?? 50;
    const after = input.after ? decodeCursor(input.after, SORT) : null;
    if (after && (after.length !== 2 || Number.isNaN(Date.parse(String(after[0]))) || !UUID.test(String(after[1]))))
      throw new BadUserInputError('after', 'is not a cursor returned by this list.');
    const rows = await this.log.page(
      { from: input.filter.from, to: input.filter.to, userId: input.filter.userId, orderId: input.filter.orderId },
      limit + 1,
      after ? { atKey: String(after[0]), id: String(after[1]) } : null,
    );
    const page = rows.slice(0, limit);
    const edges = page.map((r) => ({
      cursor: encodeCursor(SORT, [r.atKey, r.id]),
      node: toAccessType(r),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > limit,
        hasPreviousPage: Boolean(input.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      csvPath: accessCsvPath(input.filter.from, input.filter.to),
    };
  }
}
