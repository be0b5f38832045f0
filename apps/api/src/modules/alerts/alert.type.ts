import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AlertSeverity, AlertStatus } from '@order-hub/types';
import type { AlertEntity } from './alert.entity';

registerEnumType(AlertSeverity, {
  name: 'AlertSeverity',
  description: 'LOW to HIGH; CRITICAL only by escalation (held MCF tracking with ship-by near).',
});
registerEnumType(AlertStatus, {
  name: 'AlertStatus',
  valuesMap: {
    OPEN: { description: 'Not resolved and not acknowledged yet.' },
    ACKNOWLEDGED: { description: 'Not resolved; an operator has seen it.' },
    RESOLVED: { description: 'The condition cleared.' },
  },
});

@ObjectType('Alert', {
  description: 'Something an operator must act on; it resolves itself when the condition clears.',
})
export class AlertType {
  @Field(() => ID)
  id: string;

  @Field({
    description:
      'The rule that raised it: PAST_SHIP_BY, LATE_ORIGIN_SCAN, TRACKING_REUSED, MCF_TRACKING_HELD, CHANNEL_WARNING_DUE, …',
  })
  kind: string;

  @Field(() => AlertSeverity)
  severity: AlertSeverity;

  @Field(() => AlertStatus)
  status: AlertStatus;

  @Field(() => ID, { nullable: true })
  orderId: string | null;

  @Field(() => ID, { nullable: true })
  accountId: string | null;

  @Field()
  message: string;

  @Field(() => String, { nullable: true, description: 'What to do about it.' })
  action: string | null;

  @Field()
  openedAt: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true })
  acknowledgedBy: string | null;

  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null;
}

export function alertStatusOf(e: Pick<AlertEntity, 'resolvedAt' | 'acknowledgedAt'>): AlertStatus {
  if (e.resolvedAt) return 'RESOLVED';
  return e.acknowledgedAt ? 'ACKNOWLEDGED' : 'OPEN';
}

export function toAlertType(e: AlertEntity): AlertType {
  return {
    id: e.id,
    kind: e.kind,
    severity: e.severity,
    status: alertStatusOf(e),
    orderId: e.orderId,
    accountId: e.accountId,
    message: e.message,
    action: e.action,
    openedAt: e.openedAt,
    resolvedAt: e.resolvedAt,
    acknowledgedBy: e.acknowledgedBy,
    acknowledgedAt: e.acknowledgedAt,
  };
}
