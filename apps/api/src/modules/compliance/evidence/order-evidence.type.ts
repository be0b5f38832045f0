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
  @Field({
    description:
      'SCANNED (first carrier scan), DELIVERY_ATTEMPT, DELIVERED, or STATUS (each status change the tracking provider reports).',
  })
  type: string;

  @Field(() => String, {
    nullable: true,
    description: "The carrier's status (provider events): IN_TRANSIT, DELIVERED, …",
  })
  status: string | null;

  @Field()
  occurredAt: Date;

  @Field({ description: 'CHANNEL, MCF or TRACKING_PROVIDER: where the hub read it.' })
  source: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Where the carrier saw the parcel ("Reno, NV 89501 US").' })
  location: string | null;
}

@ObjectType('EvidenceTracking', {
  description: "How the tracking provider follows the shipment: the carrier's word on it, as of `checkedAt`.",
})
export class EvidenceTrackingType {
  @Field()
  provider: string;

  @Field({ description: 'The carrier as the provider names it.' })
  carrier: string;

  @Field({ description: 'PENDING, TRACKING, UNTRACKABLE or DONE.' })
  state: string;

  @Field(() => String, { nullable: true })
  status: string | null;

  @Field(() => String, { nullable: true })
  statusDetail: string | null;

  @Field(() => String, { nullable: true, description: 'Why the provider refused the number (UNTRACKABLE).' })
  untrackableReason: string | null;

  @Field(() => String, { nullable: true })
  publicUrl: string | null;

  @Field(() => Date, { nullable: true })
  firstScanAt: Date | null;

  @Field(() => Date, { nullable: true })
  firstDeliveryAttemptAt: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Where the carrier delivered (or attempted) it.' })
  deliveredTo: string | null;

  @Field(() => String, { nullable: true, description: "The order's ship-to city, state, ZIP and country." })
  shipTo: string | null;

  @Field(() => String, { nullable: true, description: 'MATCH, MISMATCH or UNKNOWN; null until delivered.' })
  addressMatch: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Carrier data as of: the last time the hub heard from the provider.',
  })
  checkedAt: Date | null;
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

  @Field({
    description:
      "Where its tracking came from, in words: a CSV file (and its supplier), the console or API (the token), Amazon MCF, or the channel's import.",
  })
  origin: string;

  @Field(() => EvidenceTrackingType, { nullable: true, description: 'Null when no tracking provider follows it.' })
  tracking: EvidenceTrackingType | null;

  @Field(() => [EvidenceCarrierEventType], { description: 'Oldest first.' })
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

@ObjectType('EvidenceReturn', { description: 'A return of the order as the channel reported it.' })
export class EvidenceReturnType {
  @Field(() => ID)
  id: string;

  @Field({ description: "The channel's return id (Walmart's RMA, Amazon's RMA id)." })
  channelReturnId: string;

  @Field({ description: 'Where it stands, in words.' })
  status: string;

  @Field()
  requestedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the item reached the seller: the refund clock starts.' })
  receivedAt: Date | null;

  @Field(() => Date, { nullable: true })
  refundedAt: Date | null;

  @Field(() => String, { nullable: true, description: '"the seller", or the channel itself ("Walmart itself").' })
  refundedBy: string | null;

  @Field(() => [String], { description: 'One per returned line of this order: "2 × SKU-1 (Damaged)".' })
  lines: string[];

  @Field(() => [String], { description: "The buyer's return labels: carrier and tracking number." })
  tracking: string[];
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

  @Field(() => [EvidenceReturnType])
  returns: EvidenceReturnType[];

  @Field(() => [EvidenceEventType], { description: 'Everything above as one timeline, oldest first.' })
  events: EvidenceEventType[];

  @Field({ description: 'Path of the CSV download of the timeline (same bearer token).' })
  csvPath: string;
}
