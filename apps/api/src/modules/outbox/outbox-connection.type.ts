import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoType } from 'src/common/pagination/page-info.type';
import { OutboxEntryType } from './outbox-entry.type';

@ObjectType('OutboxEntryEdge')
export class OutboxEntryEdgeType {
  @Field()
  cursor: string;

  @Field(() => OutboxEntryType)
  node: OutboxEntryType;
}

@ObjectType('OutboxEntryConnection')
export class OutboxEntryConnectionType {
  @Field(() => [OutboxEntryEdgeType])
  edges: OutboxEntryEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;
}
