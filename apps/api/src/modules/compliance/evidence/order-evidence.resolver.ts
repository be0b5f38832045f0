import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { FieldCost, fixedComplexity } from 'src/common/graphql/cost-limit';
import { z } from 'zod';
import { NotFoundError } from 'src/common/errors/app-error';
import { parseInput } from 'src/common/validation/parse-input';
import { toOrderType } from 'src/modules/orders/order.type';
import { OrderEvidenceService } from './order-evidence.service';
import { OrderEvidenceType } from './order-evidence.type';

const args = z.object({ orderId: z.string().uuid({ message: 'must be an id returned by the API (a UUID).' }) });

export const evidenceCsvPath = (orderId: string) => `/api/orders/${orderId}/evidence.csv`;

@Resolver(() => OrderEvidenceType)
export class OrderEvidenceResolver {
  constructor(private readonly evidence: OrderEvidenceService) {}

  @Query(() => OrderEvidenceType, {
    complexity: fixedComplexity(FieldCost.AGGREGATE),
    description: "One order's evidence record (also as CSV at `csvPath`).",
  })
  async orderEvidence(@Args('orderId', { type: () => ID }) orderId: string): Promise<OrderEvidenceType> {
    const input = parseInput(args, { orderId });
    const found = await this.evidence.forOrder(input.orderId);
    if (!found) throw new NotFoundError('Order', input.orderId);
    return { ...found, order: toOrderType(found.order), csvPath: evidenceCsvPath(found.order.id) };
  }
}
