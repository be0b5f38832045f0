import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { safeHttpUrl } from '@order-hub/rules';
import { PackageType } from '@order-hub/types';
import type { ShipmentLineEntity } from './shipment-line.entity';
import type { ShipmentEntity } from './shipment.entity';

@ObjectType('ShipmentLine', { description: 'How many units of one order line a shipment carries.' })
export class ShipmentLineType {
  @Field(() => ID)
  orderLineId: string;

  @Field()
  lineNumber: string;

  @Field()
  sku: string;

  @Field(() => Int)
  quantity: number;
}

@ObjectType('Shipment')
export class ShipmentType {
  @Field(() => ID)
  id: string;

  @Field()
  carrier: string;

  @Field(() => String, { nullable: true })
  service: string | null;

  @Field(() => String, { nullable: true })
  trackingNumber: string | null;

  @Field(() => String, { nullable: true })
  trackingUrl: string | null;

  @Field()
  shippedAt: Date;

  @Field(() => PackageType)
  packageType: PackageType;

  @Field(() => Float, { nullable: true })
  weightOz: number | null;

  @Field(() => Float, { nullable: true })
  lengthIn: number | null;

  @Field(() => Float, { nullable: true })
  widthIn: number | null;

  @Field(() => Float, { nullable: true })
  heightIn: number | null;

  @Field({ description: 'CHANNEL: imported from the marketplace; HUB: confirmed through the hub.' })
  source: string;

  @Field(() => String, {
    nullable: true,
    description: "The hub's carrier code, for shipments confirmed through the hub.",
  })
  carrierCode: string | null;
}

export function toShipmentType(e: ShipmentEntity): ShipmentType {
  return {
    id: e.id,
    carrier: e.carrier,
    service: e.service,
    trackingNumber: e.trackingNumber,
    // Stored before links were checked: a non-http(s) one is not served.
    trackingUrl: safeHttpUrl(e.trackingUrl),
    shippedAt: e.shippedAt,
    packageType: e.packageType,
    weightOz: e.weightOz,
    lengthIn: e.lengthIn,
    widthIn: e.widthIn,
    heightIn: e.heightIn,
    source: e.source,
    carrierCode: e.carrierCode,
  };
}

export function toShipmentLineType(e: ShipmentLineEntity): ShipmentLineType {
  return {
    orderLineId: e.orderLineId,
    lineNumber: e.orderLine!.lineNumber,
    sku: e.orderLine!.sku,
    quantity: e.quantity,
  };
}
