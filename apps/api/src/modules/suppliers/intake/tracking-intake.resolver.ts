import { orderByIdLoader } from 'src/modules/orders/order-by-id.loader';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiRole, CarrierCode, type IntakeStatus } from '@order-hub/types';
import { z } from 'zod';
import { BadUserInputError, NotFoundError } from 'src/common/errors/app-error';
import { countOnce } from 'src/common/graphql/connection-count';
import { FieldCost, pagedComplexity } from 'src/common/graphql/cost-limit';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { parseInput } from 'src/common/validation/parse-input';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { OrderRepository } from 'src/modules/orders/order.repository';
import { OrderType, toOrderType } from 'src/modules/orders/order.type';
import { SuppliersService } from '../suppliers.service';
import { SupplierLinks } from './supplier-links';
import {
  approveSchema,
  dismissSchema,
  INTAKE_PAGE_SIZE,
  TrackingIntakeArgs,
  trackingIntakeArgsSchema,
  uuid,
} from './tracking-intake.args';
import { intakeByOrderLoader } from './tracking-intake.loaders';
import { decodeIntakeCursor, TrackingIntakeRepository } from './tracking-intake.repository';
import { TrackingIntakeService } from './tracking-intake.service';
import {
  SupplierLinkType,
  toTrackingIntakeType,
  TrackingIntakeConnectionType,
  TrackingIntakeType,
} from './tracking-intake.type';

/** The tracking review queue and a supplier's link: reads VIEWER, decisions and links OPERATOR. */
@Resolver(() => TrackingIntakeType)
export class TrackingIntakeResolver {
  constructor(
    private readonly intake: TrackingIntakeService,
    private readonly repo: TrackingIntakeRepository,
    private readonly suppliers: SuppliersService,
    private readonly orders: OrderRepository,
    private readonly links: SupplierLinks,
  ) {}

  @Query(() => TrackingIntakeConnectionType, {
    complexity: pagedComplexity(INTAKE_PAGE_SIZE, FieldCost.AGGREGATE),
    description: "Suppliers' tracking numbers, newest first; status HELD is the review queue.",
  })
  async trackingIntake(@Args() args: TrackingIntakeArgs): Promise<TrackingIntakeConnectionType> {
    const input = parseInput(trackingIntakeArgsSchema, args);
    const after = input.after ? decodeIntakeCursor(input.after) : null;
    if (input.after && !after) throw new BadUserInputError('after', 'is not a cursor this API gave.');
    const page = await this.repo.page(
      {
        status: (input.filter?.status as IntakeStatus | null | undefined) ?? null,
        supplierId: input.filter?.supplierId ?? null,
        orderId: input.filter?.orderId ?? null,
      },
      input.first ?? INTAKE_PAGE_SIZE,
      after,
    );
    return {
      edges: page.rows.map((r) => ({ cursor: r.cursor, node: toTrackingIntakeType(r.node) })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: input.after != null,
        startCursor: page.rows[0]?.cursor ?? null,
        endCursor: page.rows.at(-1)?.cursor ?? null,
      },
      count: page.count,
    };
  }

  @Mutation(() => TrackingIntakeType, {
    description:
      'Applies a held number, corrected or not: the ship rules run again on what is applied, so a BLOCK answers RULE_VIOLATION and the number stays held.',
  })
  @RequireRole(ApiRole.OPERATOR)
  async approveTrackingIntake(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
    @Args('carrier', { type: () => CarrierCode, nullable: true }) carrier?: CarrierCode | null,
    @Args('trackingNumber', { type: () => String, nullable: true }) trackingNumber?: string | null,
    @Args('carrierName', { type: () => String, nullable: true }) carrierName?: string | null,
  ): Promise<TrackingIntakeType> {
    const input = parseInput(approveSchema, { id, carrier, trackingNumber, carrierName });
    const correction = {
      carrier: input.carrier ?? null,
      trackingNumber: input.trackingNumber ?? null,
      ...(input.carrierName !== undefined ? { carrierName: input.carrierName || null } : {}),
    };
    return toTrackingIntakeType(await this.intake.approve(input.id, correction, actorOf(caller)));
  }

  @Mutation(() => TrackingIntakeType, { description: 'Sets a held number aside without applying it, saying why.' })
  @RequireRole(ApiRole.OPERATOR)
  async dismissTrackingIntake(
    @Args('id', { type: () => ID }) id: string,
    @Args('note') note: string,
    @CurrentCaller() caller: Caller,
  ): Promise<TrackingIntakeType> {
    const input = parseInput(dismissSchema, { id, note });
    return toTrackingIntakeType(await this.intake.dismiss(input.id, input.note, actorOf(caller)));
  }

  @Mutation(() => SupplierLinkType, {
    description:
      "The signed, expiring page where the order's supplier enters carrier and tracking (checked by the ship rules); the order needs a purchase order.",
  })
  @RequireRole(ApiRole.OPERATOR)
  async supplierLink(@Args('orderId', { type: () => ID }) orderId: string): Promise<SupplierLinkType> {
    parseInput(z.object({ orderId: uuid }), { orderId });
    const order = await this.orders.findById(orderId);
    if (!order) throw new NotFoundError('Order', orderId);
    const po = await this.suppliers.purchaseOrderFor(orderId);
    if (!po)
      throw new BadUserInputError(
        'orderId',
        `order ${order.channelOrderId} has no purchase order; send it to its supplier first.`,
      );
    const now = new Date();
    const expiresAt =
      po.linkExpiresAt && po.linkExpiresAt > now ? po.linkExpiresAt : this.links.expiryFor(order.shipBy, now);
    return { url: this.links.urlFor(po, expiresAt), expiresAt };
  }
}

/** A row's order, batched per request: a page of held rows reads its orders in one query. */
@Resolver(() => TrackingIntakeType)
export class TrackingIntakeOrderResolver {
  @ResolveField(() => OrderType, { nullable: true, description: 'The order the number is for.' })
  async order(@Parent() row: TrackingIntakeType, @Context() ctx: GraphqlContext): Promise<OrderType | null> {
    const order = await ctx.loaders.of(orderByIdLoader).load(row.orderId);
    return order ? toOrderType(order) : null;
  }
}

@Resolver(() => TrackingIntakeConnectionType)
export class TrackingIntakeConnectionResolver {
  @ResolveField(() => Int, { description: 'Rows matching the filter, across all pages.' })
  totalCount(@Parent() connection: TrackingIntakeConnectionType): Promise<number> {
    return countOnce(connection);
  }
}

@Resolver(() => OrderType)
export class OrderTrackingIntakeResolver {
  @ResolveField(() => [TrackingIntakeType], {
    description: "Suppliers' tracking numbers for this order (mail, link, CSV), newest first.",
  })
  async trackingIntake(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<TrackingIntakeType[]> {
    return (await ctx.loaders.of(intakeByOrderLoader).load(order.id)).map(toTrackingIntakeType);
  }
}
