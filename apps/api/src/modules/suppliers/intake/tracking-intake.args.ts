import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { CarrierCode, IntakeStatus } from '@order-hub/types';
import { z } from 'zod';

export const INTAKE_PAGE_SIZE = 50;
export const INTAKE_MAX_PAGE_SIZE = 200;

export const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });

@InputType('TrackingIntakeFilter')
export class TrackingIntakeFilter {
  @Field(() => IntakeStatus, { nullable: true, description: 'HELD: the "Tracking to review" queue.' })
  status?: IntakeStatus | null;

  @Field(() => ID, { nullable: true })
  supplierId?: string | null;

  @Field(() => ID, { nullable: true })
  orderId?: string | null;
}

@ArgsType()
export class TrackingIntakeArgs {
  @Field(() => TrackingIntakeFilter, { nullable: true })
  filter?: TrackingIntakeFilter | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: INTAKE_PAGE_SIZE,
    description: `Page size, 1 to ${INTAKE_MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

export const trackingIntakeArgsSchema = z.object({
  filter: z.object({ status: z.string().nullish(), supplierId: uuid.nullish(), orderId: uuid.nullish() }).nullish(),
  first: z
    .number()
    .int()
    .min(1, { message: `must be between 1 and ${INTAKE_MAX_PAGE_SIZE}.` })
    .max(INTAKE_MAX_PAGE_SIZE, { message: `must be between 1 and ${INTAKE_MAX_PAGE_SIZE}.` })
    .nullish(),
  after: z.string().max(200, { message: 'is not a cursor this API gave.' }).nullish(),
});

const trackingNumber = z
  .string()
  .trim()
  .min(1, { message: 'must not be blank.' })
  .max(200, { message: 'must be at most 200 characters.' });

export const approveSchema = z.object({
  id: uuid,
  carrier: z.enum(CarrierCode).nullish(),
  carrierName: z.string().trim().max(100, { message: 'must be at most 100 characters.' }).nullish(),
  trackingNumber: trackingNumber.nullish(),
});

export const dismissSchema = z.object({
  id: uuid,
  note: z
    .string()
    .trim()
    .min(1, { message: 'must say why the number is set aside.' })
    .max(500, { message: 'must be at most 500 characters.' }),
});

/** The supplier link's body: what the supplier typed. */
export const linkEntrySchema = z.object({
  carrier: z.nativeEnum(CarrierCode, { error: `must be one of ${Object.values(CarrierCode).join(', ')}.` }),
  carrierName: z.string().trim().max(100, { message: 'must be at most 100 characters.' }).nullish(),
  trackingNumber,
});
