import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoType } from 'src/common/pagination/page-info.type';

@ObjectType('BuyerDataAccess', { description: "One request's read of one order's buyer data (address, raw order)." })
export class BuyerDataAccessType {
  @Field(() => ID)
  id: string;

  @Field()
  occurredAt: Date;

  @Field({ description: '`user:<e-mail>` for a person, `token:<name>` for an integration, as in the audit trail.' })
  actor: string;

  @Field(() => ID, { nullable: true })
  userId: string | null;

  @Field(() => ID, { nullable: true })
  tokenId: string | null;

  @Field(() => ID)
  orderId: string;

  @Field(() => String, { nullable: true })
  channel: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The order as the channel names it (PO number, Amazon order id).',
  })
  channelOrderId: string | null;

  @Field(() => String, { nullable: true, description: "The order's account's time zone (IANA)." })
  accountTimeZone: string | null;

  @Field(() => [String], {
    description:
      'What was read: shipTo, rawPayload, evidence.shipments, evidence.channelCalls, outbox.payload (an MCF order).',
  })
  fields: string[];

  @Field({ description: 'GRAPHQL (the console and the API) or CSV.' })
  via: string;

  @Field(() => String, { nullable: true })
  ip: string | null;
}

@ObjectType('BuyerDataAccessEdge')
export class BuyerDataAccessEdgeType {
  @Field()
  cursor: string;

  @Field(() => BuyerDataAccessType)
  node: BuyerDataAccessType;
}

@ObjectType('BuyerDataAccessConnection')
export class BuyerDataAccessConnectionType {
  @Field(() => [BuyerDataAccessEdgeType])
  edges: BuyerDataAccessEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field({ description: 'Path of the CSV download of the same range (`from`, `to` as query parameters).' })
  csvPath: string;
}

@InputType()
export class BuyerDataAccessFilter {
  @Field({ description: 'From this instant (inclusive).' })
  from: Date;

  @Field({ description: 'Up to this instant (exclusive); at most 366 days after `from`.' })
  to: Date;

  @Field(() => ID, { nullable: true })
  userId?: string | null;

  @Field(() => ID, { nullable: true })
  orderId?: string | null;
}

@ArgsType()
export class BuyerDataAccessLogArgs {
  @Field(() => BuyerDataAccessFilter)
  filter: BuyerDataAccessFilter;

  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'Page size, 1 to 200.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
