import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Channel, FulfillmentMethod, OrderSortField, OrderStatus, OrderView, SortDirection } from '@order-hub/types';

registerEnumType(OrderView, {
  name: 'OrderView',
  valuesMap: {
    NEW: {
      description: 'Not yet acknowledged, and neither due today nor past due (NEW, DUE_TODAY, PAST_DUE are disjoint).',
    },
    DUE_TODAY: {
      description: "Not shipped; ship-by later today in the account's time zone, not already past.",
    },
    PAST_DUE: { description: 'Not shipped; ship-by has passed.' },
    AT_RISK: {
      description: 'Not shipped and past ship-by (inside the auto-cancel grace), or not acknowledged by its deadline.',
    },
    NEEDS_ATTENTION: {
      description:
        'A channel refused a call for good (or it went dead) and has not taken it since; newest refusal first.',
    },
    SHIPPED_NO_SCAN: {
      description:
        'Shipped, no scan yet: a shipment the tracking provider follows (PENDING or TRACKING) has no carrier scan.',
    },
    ALL: { description: 'Every order.' },
  },
});
registerEnumType(OrderSortField, { name: 'OrderSortField' });
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType()
export class OrderFilter {
  @Field(() => Channel, { nullable: true })
  channel?: Channel | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => OrderView, { nullable: true, defaultValue: OrderView.ALL })
  view?: OrderView | null;

  @Field(() => [OrderStatus], { nullable: true })
  statuses?: OrderStatus[] | null;

  @Field({
    nullable: true,
    description:
      'Order number, customer order number, customer name or SKU containing the term (any case), or a tracking number (whole, spaces and case ignored). Terms of 1–2 characters match whole order numbers, SKUs and tracking numbers only. A number-like term naming orders whole (order, customer order or tracking number) lists just those.',
  })
  search?: string;

  @Field(() => [String], { nullable: true, description: 'A line has one of these SKUs (whole, any case).' })
  skus?: string[] | null;

  @Field(() => [String], { nullable: true, description: "The channel's ship method code is one of these." })
  shipMethods?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Ship-to state or region is one of these (e.g. CA).' })
  shipToStates?: string[] | null;

  @Field(() => [FulfillmentMethod], { nullable: true, description: 'Who fulfils it: the seller (MERCHANT) or MCF.' })
  fulfillment?: FulfillmentMethod[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: the buyer asked to cancel; false: did not.' })
  buyerRequestedCancel?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: a channel refused a call of the order and has not taken it since (as NEEDS_ATTENTION).',
  })
  channelRefused?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: shipped, and a followed shipment has no carrier scan yet (as SHIPPED_NO_SCAN).',
  })
  shippedNoScan?: boolean | null;
}

@InputType()
export class OrderSort {
  @Field(() => OrderSortField)
  field: OrderSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection;
}

@InputType({
  description:
    'The orders a bulk action or print run covers: orderIds, or every order matching filter ("all N matching"), never both.',
})
export class BulkTarget {
  @Field(() => [ID], { nullable: true })
  orderIds?: string[] | null;

  @Field(() => OrderFilter, { nullable: true })
  filter?: OrderFilter | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'With filter: how many orders the person saw matching. When the count has changed since, nothing is done (CONFLICT).',
  })
  expectedCount?: number | null;
}
