import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { MAX_TRACKING_URL_LENGTH, safeHttpUrl } from '@order-hub/rules';
import { AlertSeverity, Channel, NotificationMode } from '@order-hub/types';
import { z } from 'zod';
import { NOTIFIABLE_ALERT_KINDS } from 'src/modules/alerts/alert-kinds';
import { CLOCK_TIME } from './quiet-hours';
import { isTimeZone } from './zoned-time';

@InputType('NotificationRuleInput', {
  description: 'On update, a field left out stays as it is; null clears channel, account, webhook and quiet hours.',
})
export class NotificationRuleInput {
  @Field(() => String, { nullable: true, description: 'Required when creating.' })
  name?: string | null;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Alert kinds to send (PAST_SHIP_BY, …); none: every kind.' })
  kinds?: string[] | null;

  @Field(() => AlertSeverity, { nullable: true, description: 'The least severity sent (LOW when left out).' })
  minSeverity?: AlertSeverity | null;

  @Field(() => Channel, { nullable: true, description: "Only alerts of this channel's accounts." })
  channel?: Channel | null;

  @Field(() => ID, { nullable: true, description: 'Only alerts of this account.' })
  accountId?: string | null;

  @Field(() => [String], { nullable: true, description: 'E-mail addresses to write to.' })
  emails?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'People of the hub to write to (at their address).' })
  userIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'An http(s) URL that gets each alert as signed JSON (IMMEDIATE rules only).',
  })
  webhookUrl?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Update only: issue a new webhook signing secret (shown once in the answer).',
  })
  newWebhookSecret?: boolean | null;

  @Field(() => NotificationMode, { nullable: true, description: 'IMMEDIATE (each alert) or DAILY_DIGEST (e-mail).' })
  mode?: NotificationMode | null;

  @Field(() => Int, { nullable: true, description: 'Local hour (0–23) the daily digest goes out; 8 when left out.' })
  digestHour?: number | null;

  @Field(() => String, { nullable: true, description: 'Start of quiet hours, HH:MM local time.' })
  quietFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'End of quiet hours, HH:MM local time (may be after midnight).' })
  quietTo?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "IANA time zone of quiet hours and the digest; the account's zone (else UTC) when left out.",
  })
  timeZone?: string | null;
}

const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });
const clock = z
  .string()
  .trim()
  .regex(CLOCK_TIME, { message: 'must be a time of day as HH:MM, 00:00 to 23:59 (such as 22:00).' });

export const notificationRuleInputSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'is required.' }).max(120, { message: 'is at most 120 characters.' }),
    enabled: z.boolean(),
    kinds: z
      .array(
        z
          .string()
          .trim()
          .refine((k) => k in NOTIFIABLE_ALERT_KINDS, {
            message: `is not an alert kind the hub raises (such as PAST_SHIP_BY or OUTBOX_FAILED).`,
          }),
      )
      .max(50, { message: 'lists at most 50 kinds.' }),
    minSeverity: z.nativeEnum(AlertSeverity, { message: 'must be LOW, MEDIUM, HIGH or CRITICAL.' }),
    channel: z.nativeEnum(Channel, { message: 'is not a channel the hub knows.' }).nullable(),
    accountId: uuid.nullable(),
    emails: z
      .array(
        z
          .string()
          .trim()
          .max(320, { message: 'must be at most 320 characters.' })
          .regex(/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/, { message: 'must be an e-mail address such as name@example.com.' }),
      )
      .max(20, { message: 'lists at most 20 addresses.' }),
    userIds: z.array(uuid).max(50, { message: 'lists at most 50 people.' }),
    webhookUrl: z
      .string()
      .trim()
      .refine((u) => (safeHttpUrl(u)?.length ?? Infinity) <= MAX_TRACKING_URL_LENGTH, {
        message:
          'must be an http:// or https:// URL (at most 2,048 characters) such as https://hooks.example.com/order-hub.',
      })
      .transform((u) => safeHttpUrl(u)!)
      .nullable(),
    newWebhookSecret: z.boolean(),
    mode: z.nativeEnum(NotificationMode, { message: 'must be IMMEDIATE or DAILY_DIGEST.' }),
    digestHour: z
      .number()
      .int({ message: 'must be a whole hour, 0 to 23.' })
      .min(0, { message: 'must be a whole hour, 0 to 23.' })
      .max(23, { message: 'must be a whole hour, 0 to 23.' }),
    quietFrom: clock.nullable(),
    quietTo: clock.nullable(),
    timeZone: z
      .string()
      .trim()
      .refine(isTimeZone, { message: 'is not a time zone the hub knows (an IANA name such as America/Chicago).' }),
  })
  .partial();

export type NotificationRuleChanges = z.output<typeof notificationRuleInputSchema>;
