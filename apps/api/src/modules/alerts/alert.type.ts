import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AlertEntity } from './alert.entity';

@ObjectType('Alert', { description: 'Something an operator must act on; it resolves itself when the condition clears.' })
export class AlertType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'MCF_TRACKING_HELD, MCF_UNFULFILLABLE, …' })
  kind: string;

  @Field({ description: 'LOW, MEDIUM or HIGH.' })
  severity: string;

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

export function toAlertType(e: AlertEntity): AlertType {
  return {
    id: e.id,
    kind: e.kind,
    severity: e.severity,
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
