import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PickListOrder', { description: 'An order wanting units of a pick list SKU.' })
export class PickListOrderType {
  @Field(() => ID)
  orderId: string;

  @Field()
  channelOrderId: string;

  @Field(() => Int)
  quantity: number;
}

@ObjectType('PickListRow', { description: 'One SKU to pick: where it is, how many units, for which orders.' })
export class PickListRowType {
  @Field()
  sku: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true, description: 'The SKU’s bin (Settings → Bins); null when none is set.' })
  bin: string | null;

  @Field(() => Int, { description: 'Units still to pick: ordered less shipped and cancelled.' })
  quantity: number;

  @Field(() => [PickListOrderType])
  orders: PickListOrderType[];
}
