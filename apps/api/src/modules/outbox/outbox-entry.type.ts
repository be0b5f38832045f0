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

  /** The account the call goes to (its channel resolves through it). */
  accountId: string;

  @Field(() => ID, { nullable: true })
  shipmentId: string | null;

  @Field(() => OutboxOperation)
  operation: OutboxOperation;

  @Field(() => OutboxStatus)
  status: OutboxStatus;

  @Field(() => GraphQLJSON, { description: "What will be (or was) sent, in the hub's terms." })
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

  @Field(() => Date, {
    nullable: true,
    description: 'When the channel refused it for good (or it went dead); cleared once the channel takes it.',
  })
  refusedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The channel's message on the refusal, kept through a resend." })
  refusal: string | null;
}

export const ChannelRefusalState = { REJECTED: 'REJECTED', RESENT: 'RESENT' } as const;
export type ChannelRefusalState = (typeof ChannelRefusalState)[keyof typeof ChannelRefusalState];
registerEnumType(ChannelRefusalState, {
  name: 'ChannelRefusalState',
  valuesMap: {
    REJECTED: {
      description: 'The channel refused the call; the order shows what the channel holds. Fix and resend, or discard.',
    },
    RESENT: { description: 'Fixed and sent again; waiting for the channel to take it.' },
  },
});

@ObjectType('ChannelRefusal', {
  description: "A channel call of the order that the channel refused for good, with the channel's message.",
})
export class ChannelRefusalType {
  @Field(() => ChannelRefusalState)
  state: ChannelRefusalState;

  @Field(() => OutboxOperation)
  operation: OutboxOperation;

  @Field({ description: "The channel's message." })
  reason: string;

  @Field()
  refusedAt: Date;

  @Field(() => OutboxEntryType, { description: 'The call, with what it sent (the fields a fix starts from).' })
  entry: OutboxEntryType;
}

/** The order's refusals the channel has not taken back yet, newest first. */
export function channelRefusalsOf(rows: OutboxEntity[]): ChannelRefusalType[] {
  return rows
    .filter((r) => r.refusedAt !== null)
    .sort((a, b) => b.refusedAt!.getTime() - a.refusedAt!.getTime())
    .map((r) => ({
      state: r.status === 'FAILED' || r.status === 'DEAD' ? 'REJECTED' : 'RESENT',
      operation: r.operation,
      reason: r.refusal ?? '',
      refusedAt: r.refusedAt!,
      entry: toOutboxEntryType(r),
    }));
}

export function toOutboxEntryType(e: OutboxEntity): OutboxEntryType {
  return {
    id: e.id,
    orderId: e.orderId,
    accountId: e.accountId,
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
    refusedAt: e.refusedAt,
    refusal: e.refusal,
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
