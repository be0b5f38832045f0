import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OutboxOperation, OutboxStatus } from '@order-hub/types';
import { OrderType } from 'src/modules/orders/order.type';
// Registers the OutboxOperation and OutboxStatus enums before this type refers to them.
import 'src/modules/outbox/outbox-entry.type';

@ObjectType('EvidenceAttempt', { description: 'One delivery attempt of a channel call.' })
export class EvidenceAttemptType {
  @Field(() => Int)
  attempt: number;

  @Field()
  startedAt: Date;

  @Field(() => Int)
  durationMs: number;

  @Field({ description: '`METHOD path` of the request, or what the attempt did instead (a read-back).' })
  request: string;

  @Field(() => Int, { nullable: true })
  responseStatus: number | null;

  @Field(() => String, {
    nullable: true,
    description: "The start of the channel's answer (JSON text, up to 300 characters).",
  })
  responseExcerpt: string | null;

  @Field({ description: 'DELIVERED, ALREADY_APPLIED, RETRY, FAILED, READ_BACK_MISMATCH, IN_PROGRESS or DEAD.' })
  outcome: string;

  @Field(() => String, { nullable: true })
  error: string | null;
}

@ObjectType('EvidenceChannelCall', {
  description: 'A call the hub owed the channel (an outbox row) and every attempt to make it.',
})
export class EvidenceChannelCallType {
  @Field(() => ID)
  id: string;

  @Field(() => OutboxOperation)
  operation: OutboxOperation;

  @Field(() => OutboxStatus)
  status: OutboxStatus;

  @Field()
  createdAt: Date;

  @Field()
  createdBy: string;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => String, { nullable: true })
  discardReason: string | null;

  @Field(() => [EvidenceAttemptType])
  attempts: EvidenceAttemptType[];
}

@ObjectType('EvidenceCarrierEvent')
export class EvidenceCarrierEventType {
  @Field({ description: 'SCANNED or DELIVERED.' })
  type: string;

  @Field()
  occurredAt: Date;

  @Field({ description: 'CHANNEL or MCF: where the hub read it.' })
  source: string;

  @Field(() => String, { nullable: true })
  description: string | null;
}

@ObjectType('EvidenceShipment')
export class EvidenceShipmentType {
  @Field(() => ID)
  id: string;

  @Field()
  carrier: string;

  @Field(() => String, { nullable: true })
  trackingNumber: string | null;

  @Field()
  shippedAt: Date;

  @Field({ description: 'CHANNEL (imported) or HUB (confirmed through the hub).' })
  source: string;

  @Field(() => [EvidenceCarrierEventType])
  events: EvidenceCarrierEventType[];
}

@ObjectType('EvidenceAuditEntry')
export class EvidenceAuditEntryType {
  @Field()
  occurredAt: Date;

  @Field()
  actor: string;

  @Field()
  action: string;

  @Field({ description: 'What the change set, `field=value, …`.' })
  summary: string;
}

@ObjectType('EvidenceEvent', { description: 'One line of the evidence timeline (the rows of evidence.csv).' })
export class EvidenceEventType {
  @Field()
  at: Date;

  @Field()
  kind: string;

  @Field()
  actor: string;

  @Field()
  detail: string;
}

@ObjectType('OrderEvidence', {
  description:
    "An order's evidence record for a channel: calls and answers, tracking and carrier events, who did what.",
})
export class OrderEvidenceType {
  @Field(() => OrderType)
  order: OrderType;

  @Field(() => [EvidenceChannelCallType])
  channelCalls: EvidenceChannelCallType[];

  @Field(() => [EvidenceShipmentType])
  shipments: EvidenceShipmentType[];

  @Field(() => [EvidenceAuditEntryType])
  audit: EvidenceAuditEntryType[];

  @Field(() => [EvidenceEventType], { description: 'Everything above as one timeline, oldest first.' })
  events: EvidenceEventType[];

  @Field({ description: 'Path of the CSV download of the timeline (same bearer token).' })
  csvPath: string;
}
