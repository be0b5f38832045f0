import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from 'src/common/graphql/graphql-context';
import { ShipmentLineType, ShipmentType, toShipmentLineType } from './shipment.type';
import { shipmentLinesByShipmentLoader } from './shipment-lines-by-shipment.loader';

@Resolver(() => ShipmentType)
export class ShipmentResolver {
  @ResolveField(() => [ShipmentLineType])
  async lines(@Parent() shipment: ShipmentType, @Context() ctx: GraphqlContext): Promise<ShipmentLineType[]> {
    return (await ctx.loaders.of(shipmentLinesByShipmentLoader).load(shipment.id)).map(toShipmentLineType);
  }
}
