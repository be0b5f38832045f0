import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Channel,
  FulfillmentMethod,
  InboxColumn,
  OrderSortField,
  OrderStatus,
  OrderView,
  SortDirection,
} from '@order-hub/types';
import { OrderFilter, OrderSort } from 'src/modules/orders/dto/order-filter.input';
import { CountEstimateType } from 'src/modules/orders/order-connection.type';

registerEnumType(InboxColumn, { name: 'InboxColumn', description: 'A column the inbox grid can show.' });

@ObjectType('SavedViewFilter', { description: "A saved view's filter: the OrderFilter it was saved with." })
export class SavedViewFilterType {
  @Field(() => Channel, { nullable: true })
  channel?: Channel | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => OrderView)
  view: OrderView;

  @Field(() => [OrderStatus], { nullable: true })
  statuses?: OrderStatus[] | null;

  @Field(() => String, { nullable: true })
  search?: string | null;

  @Field(() => [String], { nullable: true })
  skus?: string[] | null;

  @Field(() => [String], { nullable: true })
  shipMethods?: string[] | null;

  @Field(() => [String], { nullable: true })
  shipToStates?: string[] | null;

  @Field(() => [FulfillmentMethod], { nullable: true })
  fulfillment?: FulfillmentMethod[] | null;

  @Field(() => Boolean, { nullable: true })
  buyerRequestedCancel?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  channelRefused?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  shippedNoScan?: boolean | null;
}

@ObjectType('SavedViewSort')
export class SavedViewSortType {
  @Field(() => OrderSortField)
  field: OrderSortField;

  @Field(() => SortDirection)
  direction: SortDirection;
}

@ObjectType('SavedView', { description: "A person's saved inbox view: filter, columns and sort, with its count." })
export class SavedViewType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => SavedViewFilterType)
  filter: SavedViewFilterType;

  @Field(() => [InboxColumn])
  columns: InboxColumn[];

  @Field(() => SavedViewSortType, { nullable: true, description: "Null: the view's own order." })
  sort: SavedViewSortType | null;

  /** Resolved by SavedViewsResolver.count. */
  count?: CountEstimateType;
}

@InputType('SavedViewInput')
export class SavedViewInput {
  @Field(() => ID, {
    nullable: true,
    description: 'A view of yours to change (rename, new filter); without it a new one.',
  })
  id?: string | null;

  @Field({ description: '1–60 characters, unique among your views (any case).' })
  name: string;

  @Field(() => OrderFilter)
  filter: OrderFilter;

  @Field(() => [InboxColumn], { description: 'At least one, each once, in the order shown.' })
  columns: InboxColumn[];

  @Field(() => OrderSort, { nullable: true })
  sort?: OrderSort | null;
}
