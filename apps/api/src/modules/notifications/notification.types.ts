import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AlertSeverity,
  Channel,
  NotificationDeliveryStatus,
  NotificationMode,
  NotificationTargetKind,
} from '@order-hub/types';
import { PageInfoType } from 'src/common/pagination/page-info.type';

registerEnumType(NotificationMode, {
  name: 'NotificationMode',
  valuesMap: {
    IMMEDIATE: { description: 'Each alert as it opens (within about 30 seconds).' },
    DAILY_DIGEST: { description: 'One e-mail a day, at the digest hour, listing the alerts opened since the last.' },
  },
});
registerEnumType(NotificationDeliveryStatus, {
  name: 'NotificationDeliveryStatus',
  valuesMap: {
    PENDING: { description: 'Waiting for the dispatcher (at most about 30 seconds).' },
    SENT: { description: 'The mail server or the webhook took it.' },
    RETRYING: { description: 'It failed; the next try is at nextAttemptAt (after 1 min, 5 min, 30 min, 2 h, 6 h).' },
    FAILED: { description: 'Every try failed; lastError says why.' },
    DEFERRED: { description: 'Held by quiet hours until nextAttemptAt.' },
  },
});
registerEnumType(NotificationTargetKind, { name: 'NotificationTargetKind' });

export const NotificationDeliveryKind = { ALERT: 'ALERT', TEST: 'TEST', DIGEST: 'DIGEST' } as const;
registerEnumType(NotificationDeliveryKind, {
  name: 'NotificationDeliveryKind',
  description: "ALERT: one alert as it opened; TEST: a rule's test; DIGEST: a daily digest.",
});

@ObjectType('NotificationPerson')
export class NotificationPersonType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  email: string;
}

@ObjectType('NotificationRule', { description: 'Which alerts go to whom, by e-mail and signed webhook.' })
export class NotificationRuleType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  enabled: boolean;

  @Field(() => [String], { description: 'Alert kinds sent; empty: every kind.' })
  kinds: string[];

  @Field(() => AlertSeverity)
  minSeverity: AlertSeverity;

  @Field(() => Channel, { nullable: true })
  channel: Channel | null;

  @Field(() => ID, { nullable: true })
  accountId: string | null;

  @Field(() => String, { nullable: true })
  accountName: string | null;

  @Field(() => [String])
  emails: string[];

  @Field(() => [ID])
  userIds: string[];

  @Field(() => [NotificationPersonType], { description: 'The people of userIds who still exist.' })
  people: NotificationPersonType[];

  @Field(() => String, { nullable: true })
  webhookUrl: string | null;

  @Field({ description: 'Whether the webhook has its signing secret (shown only when issued).' })
  hasWebhookSecret: boolean;

  @Field(() => NotificationMode)
  mode: NotificationMode;

  @Field(() => Int)
  digestHour: number;

  @Field(() => String, { nullable: true, description: 'HH:MM in timeZone.' })
  quietFrom: string | null;

  @Field(() => String, { nullable: true, description: 'HH:MM in timeZone; before quietFrom: the next morning.' })
  quietTo: string | null;

  @Field()
  timeZone: string;

  @Field()
  createdBy: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType('NotificationRuleResult')
export class NotificationRuleResultType {
  @Field(() => NotificationRuleType)
  rule: NotificationRuleType;

  @Field(() => String, {
    nullable: true,
    description:
      'The webhook signing secret, when this save issued one: shown this once. Verify X-OrderHub-Signature ' +
      '(v1=hex HMAC-SHA256 of timestamp + "." + raw body) with it.',
  })
  webhookSecret: string | null;
}

@ObjectType('NotificationDelivery', { description: 'One message to one target: its tries and outcome.' })
export class NotificationDeliveryType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  ruleId: string;

  @Field(() => String, { nullable: true })
  ruleName: string | null;

  @Field(() => NotificationDeliveryKind)
  kind: keyof typeof NotificationDeliveryKind;

  @Field(() => ID, { nullable: true })
  alertId: string | null;

  @Field(() => String, { nullable: true, description: 'The local day (YYYY-MM-DD) a digest covers.' })
  digestDate: string | null;

  @Field(() => NotificationTargetKind)
  targetKind: NotificationTargetKind;

  @Field({ description: 'The e-mail address, or the webhook URL.' })
  target: string;

  @Field({ description: "The e-mail's subject, or the alert's message." })
  summary: string;

  @Field(() => NotificationDeliveryStatus)
  status: NotificationDeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field(() => Date, { nullable: true })
  nextAttemptAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last try failed, in words.' })
  lastError: string | null;

  @Field(() => Int, { nullable: true, description: "The webhook's HTTP status (or the mail server's code)." })
  responseStatus: number | null;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType('NotificationDeliveryEdge')
export class NotificationDeliveryEdgeType {
  @Field()
  cursor: string;

  @Field(() => NotificationDeliveryType)
  node: NotificationDeliveryType;
}

@ObjectType('NotificationDeliveryConnection')
export class NotificationDeliveryConnectionType {
  @Field(() => [NotificationDeliveryEdgeType])
  edges: NotificationDeliveryEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;
}

@ObjectType('NotificationAlertKind', { description: 'An alert kind a rule may pick, in words.' })
export class NotificationAlertKindType {
  @Field()
  kind: string;

  @Field()
  label: string;
}
