import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { OrderType } from './order.type';
import { ShipmentType, toShipmentType } from 'src/modules/fulfillment/shipment.type';
import { shipmentsByOrderLoader } from 'src/modules/fulfillment/shipments-by-order.loader';

/** `Order.shipments`, read through the fulfillment module's loader. */
@Resolver(() => OrderType)
export class OrderShipmentsResolver {
  @ResolveField(() => [ShipmentType])
  async shipments(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<ShipmentType[]> {
    return (await ctx.loaders.of(shipmentsByOrderLoader).load(order.id)).map(toShipmentType);
  }
}
