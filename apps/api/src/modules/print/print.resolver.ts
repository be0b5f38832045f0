import { Args, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { FieldCost, fixedComplexity } from 'src/common/graphql/cost-limit';
import { parseInput } from 'src/common/validation/parse-input';
import { BulkTarget } from 'src/modules/orders/dto/order-filter.input';
import { OrderType, toOrderType } from 'src/modules/orders/order.type';
import { bulkTargetSchema } from 'src/modules/orders/orders.args';
import { PickListRowType } from './print.types';
import { PrintService } from './print.service';

const targetSchema = z.object({ target: bulkTargetSchema });
const targetArgs = (target: BulkTarget) => parseInput(targetSchema, { target }).target;

/** What the print-ready pages read: the orders of a selection (packing slips) and their pick list. */
@Resolver()
export class PrintResolver {
  constructor(private readonly print: PrintService) {}

  @Query(() => [OrderType], {
    complexity: fixedComplexity(FieldCost.AGGREGATE),
    description:
      'The orders of a selection or of "all N matching" (at most 500), in the order given, for packing slips. Reading their shipTo is logged like any other read.',
  })
  async printableOrders(@Args('target', { type: () => BulkTarget }) target: BulkTarget): Promise<OrderType[]> {
    const ids = await this.print.targetIds(targetArgs(target));
    return (await this.print.load(ids, 'target.orderIds')).map(({ order }) => toOrderType(order));
  }

  @Query(() => [PickListRowType], {
    complexity: fixedComplexity(FieldCost.AGGREGATE),
    description:
      'What to pick for a selection or "all N matching" (at most 500): one row per SKU with its bin and the units still to ship, by bin then SKU.',
  })
  async pickList(@Args('target', { type: () => BulkTarget }) target: BulkTarget): Promise<PickListRowType[]> {
    const ids = await this.print.targetIds(targetArgs(target));
    return this.print.pickList(await this.print.load(ids, 'target.orderIds'));
  }
}
