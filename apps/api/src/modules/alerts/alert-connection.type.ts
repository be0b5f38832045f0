import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoType } from 'src/common/pagination/page-info.type';
import { AlertType } from './alert.type';

@ObjectType('AlertEdge')
export class AlertEdgeType {
  @Field()
  cursor: string;

  @Field(() => AlertType)
  node: AlertType;
}

@ObjectType('AlertConnection')
export class AlertConnectionType {
  @Field(() => [AlertEdgeType])
  edges: AlertEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  /** Counted only when a client asks for it (see AlertConnectionResolver). */
  count: () => Promise<number>;
}
