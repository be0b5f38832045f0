import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { ShipmentType } from 'src/modules/fulfillment/shipment.type';
import { carrierEventsByShipmentLoader, trackerByShipmentLoader } from './shipment-tracking.loaders';
import {
  CarrierEventGqlType,
  ShipmentTrackingType,
  toCarrierEvent,
  toShipmentTracking,
} from './shipment-tracking.type';

@Resolver(() => ShipmentType)
export class ShipmentTrackingResolver {
  @ResolveField(() => ShipmentTrackingType, {
    nullable: true,
    description: 'The parcel at the tracking provider: status, first scan, delivery and where; null when not followed.',
  })
  async tracking(
    @Parent() shipment: ShipmentType,
    @Context() ctx: GraphqlContext,
  ): Promise<ShipmentTrackingType | null> {
    const tracker = await ctx.loaders.of(trackerByShipmentLoader).load(shipment.id);
    return tracker ? toShipmentTracking(tracker) : null;
  }

  @ResolveField(() => [CarrierEventGqlType], { description: 'Carrier scans and status changes, oldest first.' })
  async carrierEvents(
    @Parent() shipment: ShipmentType,
    @Context() ctx: GraphqlContext,
  ): Promise<CarrierEventGqlType[]> {
    return (await ctx.loaders.of(carrierEventsByShipmentLoader).load(shipment.id)).map(toCarrierEvent);
  }
}
