import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OutboxOperation, OutboxStatus } from '@order-hub/types';
import { GraphQLJSON } from 'graphql-scalars';
import type { OutboxAttemptEntity } from './outbox-attempt.entity';
import type { OutboxEntity } from './outbox.entity';

registerEnumType(OutboxOperation, { name: 'OutboxOperation' });
registerEnumType(OutboxStatus, {
  name: 'OutboxStatus',
  valuesMap: {
    PENDING: { description: 'Waiting for its (next) attempt.' },
    SENDING: { description: 'An attempt is in flight.' },
    DELIVERED: { description: 'The channel took it, and reading the order back showed the change.' },
    FAILED: { description: 'The channel refused it: fix and retry, or discard.' },
    DEAD: { description: 'Given up after every retry, or discarded by an operator.' },
  },
});

@ObjectType('OutboxAttempt', { description: 'One delivery attempt: what was sent, what came back, how long it took.' })
export class OutboxAttemptType {
  @Field(() => Int)
  attempt: number;

  @Field()
  startedAt: Date;

  @Field(() => Int)
  durationMs: number;

  @Field(() => GraphQLJSON, { description: 'Method, path and body sent (never credentials).' })
  request: Record<string, unknown>;

  @Field(() => Int, { nullable: true })
  responseStatus: number | null;

  @Field(() => GraphQLJSON, { nullable: true })
  responseBody: unknown;

  @Field({ description: 'DELIVERED, ALREADY_APPLIED, RETRY, FAILED, READ_BACK_MISMATCH, IN_PROGRESS or DEAD.' })
  outcome: string;

  @Field(() => String, { nullable: true })
  error: string | null;
}

@ObjectType('OutboxEntry', { description: 'A channel call owed to a marketplace, and how its delivery is going.' })
export class OutboxEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderId: string;

  @Field(() => ID, { nullable: true })
  shipmentId: string | null;

  @Field(() => OutboxOperation)
  operation: OutboxOperation;

  @Field(() => OutboxStatus)
  status: OutboxStatus;

  @Field(() => GraphQLJSON, { description: 'What will be (or was) sent, in the hub\'s terms.' })
  payload: unknown;

  @Field(() => Int)
  attempts: number;

  @Field()
  nextAttemptAt: Date;

  @Field(() => String, { nullable: true, description: "The last failure, with the channel's message." })
  lastError: string | null;

  @Field(() => String, { nullable: true })
  lastErrorCode: string | null;

  @Field()
  createdBy: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => String, { nullable: true })
  discardReason: string | null;
}

export function toOutboxEntryType(e: OutboxEntity): OutboxEntryType {
  return {
    id: e.id,
    orderId: e.orderId,
    shipmentId: e.shipmentId,
    operation: e.operation,
    status: e.status,
    payload: e.payload,
    attempts: e.attempts,
    nextAttemptAt: e.nextAttemptAt,
    lastError: e.lastError,
    lastErrorCode: e.lastErrorCode,
    createdBy: e.createdBy,
    createdAt: e.createdAt,
    deliveredAt: e.deliveredAt,
    discardReason: e.discardReason,
  };
}

export function toOutboxAttemptType(a: OutboxAttemptEntity): OutboxAttemptType {
  return {
    attempt: a.attempt,
    startedAt: a.startedAt,
    durationMs: a.durationMs,
    request: a.request,
    responseStatus: a.responseStatus,
    responseBody: a.responseBody,
    outcome: a.outcome,
    error: a.error,
  };
}
