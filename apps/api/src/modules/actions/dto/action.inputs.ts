import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { CarrierCode } from '@order-hub/types';

@InputType({ description: 'A corrected carrier and tracking number for a shipment already confirmed.' })
export class TrackingUpdateInput {
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
}

@InputType()
export class CancelLineInput {
  @Field()
  lineNumber: string;

  @Field(() => Int)
  quantity: number;
}

@InputType({ description: "Cancels unshipped units with one of the channel's current reasons." })
export class CancelOrderLinesInput {
  @Field(() => ID)
  orderId: string;

  @Field(() => [CancelLineInput])
  lines: CancelLineInput[];

  @Field({ description: 'Walmart: SELLER_CANCEL_OUT_OF_STOCK, SELLER_CANCEL_PRICING_ERROR, …; Amazon: NoInventory, …' })
  reason: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}

@InputType()
export class RefundLineInput {
  @Field()
  lineNumber: string;

  @Field(() => Int, {
    description: 'Product amount to refund, in cents (positive; sent to Walmart as a negative amount).',
  })
  amountCents: number;

  @Field({
    description:
      "One of the channel's refund reasons: Walmart's (DamagedItem, CustomerChangedMind, …), Amazon's adjustment reasons (CustomerReturn, GeneralAdjustment, …).",
  })
  reason: string;

  @Field({ nullable: true, defaultValue: false, description: 'Refund item, tax and shipping in full.' })
  isFullRefund?: boolean;
}

@InputType()
export class RefundOrderLinesInput {
  @Field(() => ID)
  orderId: string;

  @Field(() => [RefundLineInput])
  lines: RefundLineInput[];

  @Field(() => String, { nullable: true })
  comments?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}

@InputType()
export class RefundReturnLineInput {
  @Field({ description: "The return line's number (Walmart returnOrderLineNumber; Amazon: the SKU's line)." })
  returnLineNumber: string;

  @Field(() => Int, { description: 'Returned units to refund.' })
  quantity: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Amount to refund in cents, price and tax, for channels that refund returns by amount (Amazon); default: what the units were paid. Walmart sets the amount itself and refuses one.',
  })
  amountCents?: number | null;
}

@InputType({
  description: "Refunds a return's units through the channel (Walmart's returns refund, Amazon's order adjustment).",
})
export class RefundReturnInput {
  @Field(() => ID)
  returnId: string;

  @Field(() => [RefundReturnLineInput])
  lines: RefundReturnLineInput[];

  @Field(() => String, {
    nullable: true,
    description: "Amazon: one of its adjustment reasons (default CustomerReturn). Walmart's returns refund takes none.",
  })
  reason?: string | null;

  @Field(() => Int, { nullable: true, description: 'The return version the operator saw; CONFLICT when it changed.' })
  expectedVersion?: number | null;
}
