import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { MAX_TRACKING_URL_LENGTH, safeHttpUrl } from '@order-hub/rules';
import { CarrierCode, PackageType } from '@order-hub/types';
import { z } from 'zod';
import { parseInput } from 'src/common/validation/parse-input';
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

/** Longer than any carrier's barcode; anything beyond is not a tracking number. */
export const MAX_TRACKING_INPUT = 200;

const shipmentInputRules = z.object({
  input: z.object({
    lines: z
      .array(
        z.object({
          lineNumber: z.string().trim().min(1, { message: 'must name a line.' }),
          quantity: z.number().int({ message: 'must be a whole number.' }).min(1, { message: 'must be at least 1.' }),
        }),
      )
      .min(1, { message: 'must name at least one line.' }),
    trackingNumber: z
      .string()
      .max(MAX_TRACKING_INPUT, { message: `must be at most ${MAX_TRACKING_INPUT} characters.` }),
    trackingUrl: z
      .string()
      .nullish()
      .refine((url) => !url || safeHttpUrl(url) !== null, {
        message: `must be an absolute http:// or https:// URL of at most ${MAX_TRACKING_URL_LENGTH.toLocaleString('en-US')} characters.`,
      }),
  }),
});

/**
 * What GraphQL's types cannot say about a shipment input (at least one line, whole positive quantities, a tracking
 * number of carrier length, an http(s) tracking URL). validateShipment and confirmShipment both run it first, and
 * updateTracking and the CSV upload pass it through RulesService.validateShipment, so they all refuse the same
 * inputs with the same BAD_USER_INPUT. Strings (no NUL, no lone surrogate) and `shippedAt` (the DateTime scalar)
 * are checked earlier, at the GraphQL edge.
 */
export function checkShipmentInput(input: Pick<ShipmentInput, 'lines' | 'trackingNumber' | 'trackingUrl'>): void {
  parseInput(shipmentInputRules, { input });
}
