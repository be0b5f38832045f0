import { orderByIdLoader } from 'src/modules/orders/order-by-id.loader';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SUPPLIER_TRACKING_WARN_HOURS, supplierTrackingState } from '@order-hub/rules';
import { ApiRole, SupplierTrackingState } from '@order-hub/types';
import { z } from 'zod';
import { FieldCost, fixedComplexity, pagedComplexity } from 'src/common/graphql/cost-limit';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { decodeCursor, encodeCursor } from 'src/common/pagination/cursor';
import { parseInput } from 'src/common/validation/parse-input';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { OrderType, toOrderType } from 'src/modules/orders/order.type';
import { PurchaseOrdersService } from './purchase-orders.service';
import { SupplierScorecardService } from './supplier-scorecard.service';
import {
  createSupplierSchema,
  PURCHASE_ORDERS_PAGE_SIZE,
  PurchaseOrdersArgs,
  purchaseOrdersArgsSchema,
  sendPurchaseOrdersSchema,
  setSupplierSkusSchema,
  SupplierInput,
  SupplierSkuInput,
  SupplierUpdateInput,
  updateSupplierSchema,
  uuid,
} from './suppliers.args';
import { purchaseOrderByOrderLoader, supplierByIdLoader } from './suppliers.loaders';
import { SuppliersRepository } from './suppliers.repository';
import { SuppliersService } from './suppliers.service';
import {
  PurchaseOrderConnectionType,
  PurchaseOrderResultType,
  PurchaseOrderType,
  SupplierScorecardType,
  SupplierSkuType,
  SupplierType,
} from './supplier.type';

const LIST_SORT = 'purchase-orders';

/** Suppliers and their SKU map, scorecard and purchase orders; sending purchase orders. */
@Resolver(() => SupplierType)
export class SuppliersResolver {
  constructor(
    private readonly service: SuppliersService,
    private readonly sender: PurchaseOrdersService,
    private readonly scorecards: SupplierScorecardService,
    private readonly repo: SuppliersRepository,
  ) {}

  @Query(() => [SupplierType], { description: 'Every supplier, by name.' })
  suppliers(): Promise<SupplierType[]> {
    return this.service.list();
  }

  @Query(() => SupplierType, { nullable: true })
  supplier(@Args('id', { type: () => ID }) id: string): Promise<SupplierType | null> {
    parseInput(z.object({ id: uuid }), { id });
    return this.service.findById(id);
  }

  // Where purchase orders (with the buyer's ship-to) are e-mailed is the admin's to set, like a channel account or a webhook.
  @Mutation(() => SupplierType, { description: 'Adds a supplier; its name must be new (whatever its case). ADMIN.' })
  @RequireRole(ApiRole.ADMIN)
  createSupplier(
    @Args('input', { type: () => SupplierInput }) input: SupplierInput,
    @CurrentCaller() caller: Caller,
  ): Promise<SupplierType> {
    const { input: valid } = parseInput(createSupplierSchema, { input });
    return this.service.create(
      {
        ...valid,
        senderAddresses: valid.senderAddresses ?? [],
        leadTimeBusinessDays: valid.leadTimeBusinessDays ?? 1,
        trackingDeadlineHours: valid.trackingDeadlineHours ?? 0,
        poMethod: valid.poMethod ?? 'EMAIL',
        poFormat: valid.poFormat ?? 'CSV',
        active: valid.active ?? true,
      },
      actorOf(caller),
    );
  }

  @Mutation(() => SupplierType, {
    description: 'Changes what it names; contactName, email and phone may be set to null.',
  })
  @RequireRole(ApiRole.ADMIN)
  updateSupplier(
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => SupplierUpdateInput }) input: SupplierUpdateInput,
    @CurrentCaller() caller: Caller,
  ): Promise<SupplierType> {
    const valid = parseInput(updateSupplierSchema, { id, input });
    const { contactName, email, phone, ...required } = valid.input;
    const change = Object.fromEntries(Object.entries(required).filter(([, v]) => v !== null && v !== undefined));
    const clearable = Object.fromEntries(
      Object.entries({ contactName, email, phone }).filter(([k]) => k in (input as object)),
    );
    return this.service.update(valid.id, { ...change, ...clearable }, actorOf(caller));
  }

  @Mutation(() => [SupplierSkuType], {
    description: "Replaces the supplier's SKU map; a SKU another supplier ships in the same account is refused.",
  })
  @RequireRole(ApiRole.OPERATOR)
  setSupplierSkus(
    @Args('supplierId', { type: () => ID }) supplierId: string,
    @Args('skus', { type: () => [SupplierSkuInput] }) skus: SupplierSkuInput[],
    @CurrentCaller() caller: Caller,
  ): Promise<SupplierSkuType[]> {
    const valid = parseInput(setSupplierSkusSchema, { supplierId, skus });
    return this.service.setSkus(
      valid.supplierId,
      valid.skus.map((s) => ({ sku: s.sku, accountId: s.accountId ?? null })),
      actorOf(caller),
    );
  }

  @Mutation(() => [PurchaseOrderResultType], {
    description:
      'Sends each order to the supplier its SKUs route it to, one purchase order per order; an order that routes to none, to two, or already has one gets its error.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async sendPurchaseOrders(
    @Args('orderIds', { type: () => [ID] }) orderIds: string[],
    @CurrentCaller() caller: Caller,
    @Context() ctx: GraphqlContext,
  ): Promise<PurchaseOrderResultType[]> {
    const valid = parseInput(sendPurchaseOrdersSchema, { orderIds });
    const results = await this.sender.send(valid.orderIds, caller, ctx.req?.ip ?? null);
    return results.map((r) => ({
      orderId: r.orderId,
      purchaseOrder: r.purchaseOrder,
      linkUrl: r.link?.url ?? null,
      linkExpiresAt: r.link?.expiresAt ?? null,
      error: r.error,
    }));
  }

  @Query(() => PurchaseOrderConnectionType, {
    complexity: pagedComplexity(PURCHASE_ORDERS_PAGE_SIZE, FieldCost.AGGREGATE),
    description: 'Purchase orders, newest first; waiting: true is "Waiting for supplier", soonest due first.',
  })
  purchaseOrders(@Args() args: PurchaseOrdersArgs): Promise<PurchaseOrderConnectionType> {
    const input = parseInput(purchaseOrdersArgsSchema, args);
    return this.page(input.filter ?? {}, input.first ?? PURCHASE_ORDERS_PAGE_SIZE, input.after ?? null);
  }

  @ResolveField(() => [SupplierSkuType])
  skus(@Parent() s: SupplierType): Promise<SupplierSkuType[]> {
    return this.service.skusOf(s.id);
  }

  @ResolveField(() => SupplierScorecardType, { complexity: fixedComplexity(FieldCost.AGGREGATE) })
  scorecard(
    @Parent() s: SupplierType,
    @Args('days', { type: () => Int, defaultValue: 30 }) days: number,
  ): Promise<SupplierScorecardType> {
    const valid = parseInput(
      z.object({
        days: z
          .number()
          .int()
          .min(1, { message: 'must be 1 to 90 days.' })
          .max(90, { message: 'must be 1 to 90 days.' }),
      }),
      { days },
    );
    return this.scorecards.scorecard(s.id, valid.days);
  }

  @ResolveField('purchaseOrders', () => PurchaseOrderConnectionType, {
    complexity: pagedComplexity(PURCHASE_ORDERS_PAGE_SIZE, FieldCost.AGGREGATE),
    description: "The supplier's purchase orders (the filter's supplierId is this supplier).",
  })
  purchaseOrdersOf(@Parent() s: SupplierType, @Args() args: PurchaseOrdersArgs): Promise<PurchaseOrderConnectionType> {
    const input = parseInput(purchaseOrdersArgsSchema, args);
    return this.page(
      { ...input.filter, supplierId: s.id },
      input.first ?? PURCHASE_ORDERS_PAGE_SIZE,
      input.after ?? null,
    );
  }

  private async page(
    filter: {
      supplierId?: string | null;
      orderId?: string | null;
      waiting?: boolean | null;
      state?: SupplierTrackingState | null;
    },
    first: number,
    after: string | null,
  ): Promise<PurchaseOrderConnectionType> {
    const offset = after ? Number(decodeCursor(after, LIST_SORT)[0]) : 0;
    const { rows, total } = await this.repo.listPurchaseOrders(
      {
        supplierId: filter.supplierId ?? null,
        orderId: filter.orderId ?? null,
        waiting: filter.waiting ?? false,
        state: filter.state ?? null,
        warnHours: SUPPLIER_TRACKING_WARN_HOURS,
      },
      { offset, limit: first },
      new Date(),
    );
    const edges = rows.map((node, i) => ({ cursor: encodeCursor(LIST_SORT, [offset + i + 1]), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: offset + rows.length < total,
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: total,
    };
  }
}

/** Where a purchase order's tracking stands, its supplier and its order. */
@Resolver(() => PurchaseOrderType)
export class PurchaseOrderFieldsResolver {
  @ResolveField(() => SupplierTrackingState, { nullable: true, description: 'Null when the order has no ship-by.' })
  trackingState(@Parent() po: PurchaseOrderType): SupplierTrackingState | null {
    return po.trackingDueAt ? supplierTrackingState(po.trackingDueAt, po.trackingReceivedAt, new Date()) : null;
  }

  @ResolveField(() => SupplierType, { nullable: true })
  supplier(@Parent() po: PurchaseOrderType, @Context() ctx: GraphqlContext): Promise<SupplierType | null> {
    return ctx.loaders.of(supplierByIdLoader).load(po.supplierId);
  }

  @ResolveField(() => OrderType, { nullable: true })
  async order(@Parent() po: PurchaseOrderType, @Context() ctx: GraphqlContext): Promise<OrderType | null> {
    const order = await ctx.loaders.of(orderByIdLoader).load(po.orderId);
    return order ? toOrderType(order) : null;
  }
}

/** The order's purchase order and supplier. */
@Resolver(() => OrderType)
export class OrderSupplierResolver {
  constructor(private readonly suppliers: SuppliersService) {}

  @ResolveField(() => PurchaseOrderType, {
    nullable: true,
    description: 'Its purchase order (not cancelled), if sent.',
  })
  purchaseOrder(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<PurchaseOrderType | null> {
    return ctx.loaders.of(purchaseOrderByOrderLoader).load(order.id);
  }

  @ResolveField(() => SupplierType, {
    nullable: true,
    description: 'The supplier of its purchase order, else the one its SKUs route it to; null for neither.',
  })
  supplier(@Parent() order: OrderType): Promise<SupplierType | null> {
    return this.suppliers.supplierOfOrder(order.id);
  }
}
