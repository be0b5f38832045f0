import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { AlertSeverity, AlertStatus, Channel } from '@order-hub/types';
import { z } from 'zod';

@InputType({ description: 'Every condition given must hold; a list matches any of its values.' })
export class AlertFilter {
  @Field(() => [AlertStatus], {
    nullable: true,
    description: 'OPEN and ACKNOWLEDGED together are every unresolved alert.',
  })
  statuses?: AlertStatus[] | null;

  @Field(() => [AlertSeverity], { nullable: true })
  severities?: AlertSeverity[] | null;

  @Field(() => [String], { nullable: true, description: 'Alert kinds (the rule that raised them).' })
  kinds?: string[] | null;

  @Field(() => Channel, { nullable: true })
  channel?: Channel | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => ID, { nullable: true })
  orderId?: string | null;
}

@ArgsType()
export class AlertsArgs {
  @Field(() => AlertFilter, { nullable: true })
  filter?: AlertFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'Page size, 1 to 200.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

export const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });
const pageSize = z
  .number()
  .int()
  .min(1, { message: 'must be between 1 and 200.' })
  .max(200, { message: 'must be between 1 and 200.' });

export const alertsArgsSchema = z.object({
  filter: z
    .object({
      statuses: z.array(z.nativeEnum(AlertStatus)).nullish(),
      severities: z.array(z.nativeEnum(AlertSeverity)).nullish(),
      kinds: z
        .array(
          z.string().trim().min(1, { message: 'must not be empty.' }).max(48, { message: 'is at most 48 characters.' }),
        )
        .max(50, { message: 'lists at most 50 kinds.' })
        .nullish(),
      channel: z.nativeEnum(Channel).nullish(),
      accountId: uuid.nullish(),
      orderId: uuid.nullish(),
    })
    .nullish(),
  first: pageSize.nullish(),
  after: z.string().nullish(),
});

export type AlertListFilter = NonNullable<z.output<typeof alertsArgsSchema>['filter']>;
