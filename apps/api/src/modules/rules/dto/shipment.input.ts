import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { CarrierCode, PackageType } from '@order-hub/types';
import 'src/modules/rules/violation.type';

@InputType()
export class ShipmentLineInput {
  @Field()
  lineNumber: string;

  @Field(() => Int)
  quantity: number;
}

@InputType()
export class PackageInput {
  @Field(() => PackageType)
  type: PackageType;

  @Field(() => Float, { nullable: true })
  weightOz?: number | null;

  @Field(() => Float, { nullable: true })
  lengthIn?: number | null;

  @Field(() => Float, { nullable: true })
  widthIn?: number | null;

  @Field(() => Float, { nullable: true })
  heightIn?: number | null;
}

@InputType({ description: 'A shipment confirmation as confirmShipment will take it.' })
export class ShipmentInput {
  @Field(() => ID)
  orderId: string;

  @Field(() => ID, { nullable: true, description: 'Set when correcting the tracking of a shipment already confirmed.' })
  shipmentId?: string | null;

  @Field(() => [ShipmentLineInput])
  lines: ShipmentLineInput[];

  @Field(() => CarrierCode)
  carrier: CarrierCode;

  @Field(() => String, { nullable: true, description: 'The carrier name when carrier is OTHER.' })
  carrierName?: string | null;

  @Field(() => String, { nullable: true })
  service?: string | null;

  @Field()
  trackingNumber: string;

  @Field(() => String, { nullable: true })
  trackingUrl?: string | null;

  @Field()
  shippedAt: Date;

  @Field(() => PackageInput, { nullable: true })
  package?: PackageInput | null;

  @Field({ nullable: true, defaultValue: false, description: 'Walmart: ship lines the buyer asked to cancel anyway.' })
  intentToCancelOverride?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'The order version the operator saw; a newer one answers CONFLICT instead of shipping.',
  })
  expectedVersion?: number | null;
}
