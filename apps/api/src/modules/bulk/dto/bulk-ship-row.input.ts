import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { BULK_MAX_ORDERS, CarrierCode } from '@order-hub/types';
import { z } from 'zod';

@InputType({
  description:
    "One order of a bulk shipment: the same fields as confirmShipment's input, all of the order's open lines in one package.",
})
export class BulkShipRowInput {
  @Field(() => ID)
  orderId: string;

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

  @Field(() => Date, { nullable: true, description: 'When it shipped; now when left out.' })
  shippedAt?: Date | null;

  @Field({ nullable: true, defaultValue: false, description: 'Walmart: ship lines the buyer asked to cancel anyway.' })
  intentToCancelOverride?: boolean;

  @Field(() => Int, { nullable: true, description: 'The order version the operator saw.' })
  expectedVersion?: number | null;
}

export const bulkShipRowsSchema = z.object({
  rows: z
    .array(z.object({ orderId: z.string().uuid({ message: 'must be an id returned by the API (a UUID).' }) }))
    .min(1, { message: 'must name at least one order.' })
    .max(BULK_MAX_ORDERS, { message: `at most ${BULK_MAX_ORDERS} orders at a time.` })
    .refine((rows) => new Set(rows.map((r) => r.orderId)).size === rows.length, {
      message: 'name each order once (one package per order).',
    }),
});
