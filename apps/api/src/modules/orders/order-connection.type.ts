import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrderView, SearchMatchField } from '@order-hub/types';
import { PageInfoType } from 'src/common/pagination/page-info.type';
import { OrderType } from './order.type';

registerEnumType(SearchMatchField, { name: 'SearchMatchField' });

@ObjectType('SearchMatch', { description: 'Why an order is in a search result: the part that matched.' })
export class SearchMatchType {
  @Field(() => SearchMatchField)
  field: SearchMatchField;

  @Field({ description: 'The matching value as stored (the tracking number, SKU, name or number).' })
  value: string;
}

@ObjectType('OrderEdge')
export class OrderEdgeType {
  @Field()
  cursor: string;

  @Field(() => OrderType)
  node: OrderType;

  @Field(() => [SearchMatchType], { description: "What matched the filter's search; empty without a search." })
  matches: SearchMatchType[];
}

@ObjectType('CountEstimate')
export class CountEstimateType {
  @Field(() => Int)
  count: number;

  @Field({ description: 'false: a planner estimate (shown as "about N"), given where an exact count would be slow.' })
  exact: boolean;
}

@ObjectType('OrderConnection')
export class OrderConnectionType {
  @Field(() => [OrderEdgeType])
  edges: OrderEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  /** Counted only when a client asks for it (see OrdersResolver). */
  count: () => Promise<number>;

  /** Exact where cheap, estimated for unfiltered large sets (see OrdersResolver). */
  approximate: () => Promise<CountEstimateType>;
}

@ObjectType('OrderViewCount')
export class OrderViewCountType {
  @Field(() => OrderView)
  view: OrderView;

  @Field(() => Int)
  count: number;

  @Field({ description: 'false for ALL without a filter: a planner estimate, labelled "about" in the console.' })
  exact: boolean;
}
