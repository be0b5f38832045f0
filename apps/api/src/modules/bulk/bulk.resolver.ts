import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import { FieldCost, fixedComplexity } from 'src/common/graphql/cost-limit';
import { parseInput } from 'src/common/validation/parse-input';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { BulkTarget } from 'src/modules/orders/dto/order-filter.input';
import { bulkTargetSchema } from 'src/modules/orders/orders.args';
import { toOrderType } from 'src/modules/orders/order.type';
import { OrdersService } from 'src/modules/orders/orders.service';
import { BulkPreviewType, BulkResultType } from './dto/bulk-result.type';
import { BulkShipRowInput, bulkShipRowsSchema } from './dto/bulk-ship-row.input';
import { BulkService } from './bulk.service';

const targetArgs = z.object({ target: bulkTargetSchema });
const reasonSchema = z.string().trim().min(1, { message: 'choose a cancellation reason.' }).max(100, {
  message: 'must be at most 100 characters.',
});
const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });

/** Acknowledge, ship, cancel and route many orders at once: a selection, or "all N matching" a filter. */
@Resolver()
export class BulkResolver {
  constructor(
    private readonly orders: OrdersService,
    private readonly bulk: BulkService,
  ) {}

  private ids(target: BulkTarget): Promise<string[]> {
    return this.orders.resolveTarget(parseInput(targetArgs, { target }).target);
  }

  @Query(() => BulkPreviewType, {
    complexity: fixedComplexity(FieldCost.AGGREGATE),
    description:
      'The orders a bulk target covers, checked like the action (CONFLICT when the count changed), with those whose buyer asked to cancel.',
  })
  async bulkPreview(@Args('target', { type: () => BulkTarget }) target: BulkTarget): Promise<BulkPreviewType> {
    const orderIds = await this.ids(target);
    const orders = await this.bulk.ordersOf(orderIds);
    return {
      total: orderIds.length,
      orderIds,
      orders: orders.map(toOrderType),
      buyerAskedToCancel: orders
        .filter((o) => o.cancellationRequested)
        .map((o) => ({ orderId: o.id, channelOrderId: o.channelOrderId })),
    };
  }

  @Mutation(() => BulkResultType, { description: 'Acknowledges each order (channels that need it); one result each.' })
  @RequireRole(ApiRole.OPERATOR)
  async bulkAcknowledge(
    @Args('target', { type: () => BulkTarget }) target: BulkTarget,
    @CurrentCaller() caller: Caller,
  ): Promise<BulkResultType> {
    return this.bulk.acknowledge(await this.ids(target), actorOf(caller));
  }

  @Mutation(() => BulkResultType, {
    description:
      "Cancels every open unit of each order with one reason (the channel's code, e.g. SELLER_CANCEL_OUT_OF_STOCK); orders whose channel does not take the reason fail, in words.",
  })
  @RequireRole(ApiRole.OPERATOR)
  async bulkCancel(
    @Args('target', { type: () => BulkTarget }) target: BulkTarget,
    @Args('reason') reason: string,
    @CurrentCaller() caller: Caller,
  ): Promise<BulkResultType> {
    const valid = parseInput(z.object({ reason: reasonSchema }), { reason });
    return this.bulk.cancelAll(await this.ids(target), valid.reason, actorOf(caller));
  }

  @Mutation(() => BulkResultType, {
    description: "Routes each order to Amazon MCF by its account's rules, or to mcfAccountId when given.",
  })
  @RequireRole(ApiRole.OPERATOR)
  async bulkRouteToMcf(
    @Args('target', { type: () => BulkTarget }) target: BulkTarget,
    @CurrentCaller() caller: Caller,
    @Args('mcfAccountId', { type: () => ID, nullable: true }) mcfAccountId?: string | null,
  ): Promise<BulkResultType> {
    parseInput(z.object({ mcfAccountId: uuid.nullish() }), { mcfAccountId });
    return this.bulk.routeToMcf(await this.ids(target), mcfAccountId ?? null, actorOf(caller));
  }

  @Mutation(() => BulkResultType, {
    description:
      'Confirms one package per row (all open lines of the order), each checked by the same rules as confirmShipment; a refused row never stops the others.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async bulkShip(
    @Args('rows', { type: () => [BulkShipRowInput] }) rows: BulkShipRowInput[],
    @CurrentCaller() caller: Caller,
  ): Promise<BulkResultType> {
    parseInput(bulkShipRowsSchema, { rows });
    return this.bulk.shipRows(rows, actorOf(caller));
  }
}
