import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoType } from 'src/common/pagination/page-info.type';

@ObjectType('PushEventNode', { description: 'A push received (once per channel event id) and what became of it.' })
export class PushEventNodeType {
  @Field(() => ID)
  id: string;

  @Field({ description: "The channel's event id (Walmart eventId, Amazon NotificationId)." })
  eventId: string;

  @Field()
  kind: string;

  @Field(() => String, { nullable: true })
  channelOrderId: string | null;

  @Field(() => ID, { nullable: true, description: "The hub's order, once stored." })
  orderId: string | null;

  @Field(() => Date, { nullable: true })
  occurredAt: Date | null;

  @Field()
  receivedAt: Date;

  @Field({ description: 'PENDING, STORED, NOT_FOUND, FAILED, MALFORMED, DEAD_LETTER or TEST.' })
  outcome: string;

  @Field(() => Date, { nullable: true })
  processedAt: Date | null;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@ObjectType('PushEventEdge')
export class PushEventEdgeType {
  @Field()
  cursor: string;

  @Field(() => PushEventNodeType)
  node: PushEventNodeType;
}

@ObjectType('PushEventConnection')
export class PushEventConnectionType {
  @Field(() => [PushEventEdgeType])
  edges: PushEventEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;
}

@ObjectType('MissedPush', { description: 'An order a poll found that no push announced within the grace.' })
export class MissedPushType {
  @Field()
  channelOrderId: string;

  @Field(() => ID, { nullable: true })
  orderId: string | null;

  @Field()
  foundAt: Date;

  @Field(() => Date, { nullable: true })
  orderedAt: Date | null;
}

@ObjectType('MissedPushEdge')
export class MissedPushEdgeType {
  @Field()
  cursor: string;

  @Field(() => MissedPushType)
  node: MissedPushType;
}

@ObjectType('MissedPushConnection')
export class MissedPushConnectionType {
  @Field(() => [MissedPushEdgeType])
  edges: MissedPushEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;
}
