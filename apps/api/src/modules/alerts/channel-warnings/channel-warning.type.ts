import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { channelWarningClock } from '@order-hub/rules';
import { Channel, ChannelWarningState, ComplianceMetricKey } from '@order-hub/types';
import { z } from 'zod';
import type { ChannelWarningEntity } from './channel-warning.entity';

registerEnumType(ChannelWarningState, {
  name: 'ChannelWarningState',
  valuesMap: {
    OPEN: { description: 'Unanswered, more than 4 hours left.' },
    DUE_SOON: { description: 'Unanswered, 4 hours or less left.' },
    OVERDUE: { description: 'Unanswered past its 24-hour deadline.' },
    ANSWERED: { description: 'The response is recorded.' },
  },
});

@ObjectType('ChannelWarning', {
  description: 'A warning the seller received from a channel, with its 24-hour response clock.',
})
export class ChannelWarningType {
  @Field(() => ID)
  id: string;

  @Field(() => Channel)
  channel: Channel;

  @Field(() => ID)
  accountId: string;

  @Field()
  accountName: string;

  @Field(() => String, { nullable: true, description: 'The compliance metric it is about, if any.' })
  metric: string | null;

  @Field(() => String, { nullable: true })
  subject: string | null;

  @Field()
  message: string;

  @Field()
  receivedAt: Date;

  @Field({ description: 'receivedAt + 24 h.' })
  respondBy: Date;

  @Field(() => ChannelWarningState)
  state: ChannelWarningState;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds until respondBy when the request was served (negative once passed); null when answered.',
  })
  secondsLeft: number | null;

  @Field(() => ID, { nullable: true })
  alertId: string | null;

  @Field()
  loggedBy: string;

  @Field()
  loggedAt: Date;

  @Field(() => Date, { nullable: true })
  respondedAt: Date | null;

  @Field(() => String, { nullable: true })
  respondedBy: string | null;

  @Field(() => String, { nullable: true })
  responseNote: string | null;
}

export function toChannelWarningType(
  e: ChannelWarningEntity & { account: { channel: Channel; name: string } },
  now: Date,
): ChannelWarningType {
  const clock = channelWarningClock(e, now);
  return {
    id: e.id,
    channel: e.account.channel,
    accountId: e.accountId,
    accountName: e.account.name,
    metric: e.metric,
    subject: e.subject,
    message: e.message,
    receivedAt: e.receivedAt,
    respondBy: e.respondBy,
    state: clock.state,
    secondsLeft: clock.msLeft === null ? null : Math.trunc(clock.msLeft / 1000),
    alertId: e.alertId,
    loggedBy: e.loggedBy,
    loggedAt: e.loggedAt,
    respondedAt: e.respondedAt,
    respondedBy: e.respondedBy,
    responseNote: e.responseNote,
  };
}

@InputType({
  description: 'A warning as the channel sent it. Name the metric, or say what it is about in subject (or both).',
})
export class LogChannelWarningInput {
  @Field(() => Channel)
  channel: Channel;

  @Field(() => ID)
  accountId: string;

  @Field(() => String, {
    nullable: true,
    description: 'A compliance metric key (VALID_TRACKING_RATE, LATE_SHIPMENT_RATE_10D, …).',
  })
  metric?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 200 characters.' })
  subject?: string | null;

  @Field({
    description: 'When the seller received it (the e-mail or Seller Center notice); the 24 hours run from here.',
  })
  receivedAt: Date;

  @Field({ description: 'The message text, as received.' })
  message: string;

  @Field(() => ID, { nullable: true, description: 'The hub alert it corresponds to.' })
  alertId?: string | null;
}

@InputType()
export class ChannelWarningFilter {
  @Field(() => Boolean, { nullable: true, description: 'false: unanswered only; true: answered only.' })
  answered?: boolean | null;

  @Field(() => Channel, { nullable: true })
  channel?: Channel | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;
}

const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });
const METRIC_KEYS = Object.values(ComplianceMetricKey) as [string, ...string[]];
/** A little clock skew between the operator's machine and the hub is tolerated. */
const FUTURE_SLACK_MS = 5 * 60_000;

export const logChannelWarningSchema = (now: Date) =>
  z
    .object({
      channel: z.nativeEnum(Channel),
      accountId: uuid,
      metric: z.enum(METRIC_KEYS, { message: `must be one of ${METRIC_KEYS.join(', ')}.` }).nullish(),
      subject: z.string().trim().max(200, { message: 'is at most 200 characters.' }).nullish(),
      receivedAt: z
        .date({ message: 'must be a date and time.' })
        .refine((d) => d.getTime() <= now.getTime() + FUTURE_SLACK_MS, { message: 'cannot be in the future.' }),
      message: z
        .string()
        .trim()
        .min(1, { message: 'must not be empty: paste the text the channel sent.' })
        .max(10_000, { message: 'is at most 10,000 characters.' }),
      alertId: uuid.nullish(),
    })
    .superRefine((v, ctx) => {
      if (!v.metric && !v.subject)
        ctx.addIssue({
          code: 'custom',
          path: ['subject'],
          message: 'is required when no metric is named: say what the warning is about.',
        });
    });

export const channelWarningsArgsSchema = z.object({
  filter: z
    .object({ answered: z.boolean().nullish(), channel: z.nativeEnum(Channel).nullish(), accountId: uuid.nullish() })
    .nullish(),
  first: z
    .number()
    .int()
    .min(1, { message: 'must be between 1 and 200.' })
    .max(200, { message: 'must be between 1 and 200.' })
    .nullish(),
});

export const respondSchema = z.object({
  id: uuid,
  note: z
    .string()
    .trim()
    .min(1, { message: 'must say what was answered (or where).' })
    .max(10_000, { message: 'is at most 10,000 characters.' }),
});
