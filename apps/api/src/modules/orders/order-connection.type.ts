import { Field, Int, ObjectType } from '@nestjs/graphql';
import { OrderView } from '@order-hub/types';
import { PageInfoType } from 'src/common/pagination/page-info.type';
import { OrderType } from './order.type';

@ObjectType('OrderEdge')
export class OrderEdgeType {
  @Field()
  cursor: string;

  @Field(() => OrderType)
  node: OrderType;
}

@ObjectType('OrderConnection')
export class OrderConnectionType {
  @Field(() => [OrderEdgeType])
  edges: OrderEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  /** Counted only when a client asks for it (see OrdersResolver). */
  count: () => Promise<number>;
}

@ObjectType('OrderViewCount')
export class OrderViewCountType {
  @Field(() => OrderView)
  view: OrderView;

  @Field(() => Int)
  count: number;
}
