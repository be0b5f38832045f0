import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { AuditEventEntity } from './audit-event.entity';

@ObjectType('AuditEvent')
export class AuditEventType {
  @Field(() => ID)
  id: string;

  @Field()
  occurredAt: Date;

  @Field({ description: '`token:<name>` for API callers, `system:<job>` for the hub itself.' })
  actor: string;

  @Field()
  action: string;

  @Field(() => GraphQLJSON, { nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true })
  after: Record<string, unknown> | null;
}

export function toAuditEventType(e: AuditEventEntity): AuditEventType {
  return { id: e.id, occurredAt: e.occurredAt, actor: e.actor, action: e.action, before: e.before, after: e.after };
}
