import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiRole } from '@order-hub/types';
import { z } from 'zod';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { parseInput } from 'src/common/validation/parse-input';
import { actorOf, type Caller } from 'src/modules/auth/caller';
import { CurrentCaller } from 'src/modules/auth/current-caller.decorator';
import { RequireRole } from 'src/modules/auth/roles.decorator';
import { OrderType } from 'src/modules/orders/order.type';
import { TrackingHoldType, toTrackingHoldType } from './tracking-hold.type';
import { trackingHoldsByOrderLoader } from './tracking-holds-by-order.loader';
import { TrackingHoldsService } from './tracking-holds.service';

const shipmentIdSchema = z.object({
  shipmentId: z.string().uuid({ message: 'must be an id returned by the API (a UUID).' }),
});

@Resolver()
export class TrackingHoldsResolver {
  constructor(private readonly holds: TrackingHoldsService) {}

  @Mutation(() => [TrackingHoldType], {
    description:
      "Confirm now: the shipment's held confirmation goes to the channel without waiting for a carrier scan (audited as MANUAL). NOT_FOUND when it was never held, CONFLICT when already released.",
  })
  @RequireRole(ApiRole.OPERATOR)
  async releaseTrackingHold(
    @Args('shipmentId', { type: () => ID }) shipmentId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<TrackingHoldType[]> {
    const input = parseInput(shipmentIdSchema, { shipmentId });
    return (await this.holds.confirmNow(input.shipmentId, actorOf(caller))).map(toTrackingHoldType);
  }
}

@Resolver(() => OrderType)
export class OrderTrackingHoldsResolver {
  @ResolveField(() => [TrackingHoldType], {
    description:
      "Shipment confirmations held from the channel until the parcel's first carrier scan (or releaseBy), oldest first, released ones included.",
  })
  async trackingHolds(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<TrackingHoldType[]> {
    return (await ctx.loaders.of(trackingHoldsByOrderLoader).load(order.id)).map(toTrackingHoldType);
  }
}
