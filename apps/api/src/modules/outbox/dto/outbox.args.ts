import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { CarrierCode, OutboxStatus } from '@order-hub/types';
import { z } from 'zod';

@ArgsType()
export class OutboxEntriesArgs {
  @Field(() => [OutboxStatus], { nullable: true, description: 'FAILED and DEAD make the queue operators work from.' })
  statuses?: OutboxStatus[] | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => ID, { nullable: true })
  orderId?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'Page size, 1 to 200.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });

export const outboxEntriesArgsSchema = z.object({
  statuses: z.array(z.string()).nullish(),
  accountId: uuid.nullish(),
  orderId: uuid.nullish(),
  first: z
    .number()
    .int()
    .min(1, { message: 'must be between 1 and 200.' })
    .max(200, { message: 'must be between 1 and 200.' })
    .nullish(),
  after: z.string().nullish(),
});

export const outboxEntryIdSchema = z.object({ id: uuid });

@InputType({
  description: 'Corrections to a refused channel call before it is sent again; the rules run again on them.',
})
export class OutboxFixInput {
  @Field(() => CarrierCode, { nullable: true, description: 'Shipments and tracking corrections.' })
  carrier?: CarrierCode | null;

  @Field(() => String, { nullable: true, description: 'The carrier name when carrier is OTHER.' })
  carrierName?: string | null;

  @Field(() => String, { nullable: true })
  trackingNumber?: string | null;

  @Field(() => String, { nullable: true })
  trackingUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'The ship method (carrier service).' })
  service?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Cancellations and refunds: the channel's reason code, for every line of the call.",
  })
  reason?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Walmart shipments: ship lines the buyer asked to cancel anyway.',
  })
  intentToCancelOverride?: boolean | null;
}
