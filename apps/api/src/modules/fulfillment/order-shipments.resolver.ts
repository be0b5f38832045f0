import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../common/graphql/graphql-context';
import { OrderType } from '../orders/order.type';
import { ShipmentType, toShipmentType } from './shipment.type';
import { shipmentsByOrderLoader } from './shipments-by-order.loader';

/** `Order.shipments`: shipments are this module's table. */
@Resolver(() => OrderType)
export class OrderShipmentsResolver {
  @ResolveField(() => [ShipmentType])
  async shipments(@Parent() order: OrderType, @Context() ctx: GraphqlContext): Promise<ShipmentType[]> {
    return (await ctx.loaders.of(shipmentsByOrderLoader).load(order.id)).map(toShipmentType);
  }
}
