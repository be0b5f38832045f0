import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Channel, OrderStatus, OrderView } from '@order-hub/types';

registerEnumType(OrderView, {
  name: 'OrderView',
  valuesMap: {
    NEW: { description: 'Not yet acknowledged.' },
    DUE_TODAY: {
      description: "Not shipped; ship-by before the end of today in the account's time zone (overdue included).",
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

  @Field({ nullable: true, description: 'Order numbers, customer name, SKU or tracking number (contains, any case).' })
  search?: string;
}
