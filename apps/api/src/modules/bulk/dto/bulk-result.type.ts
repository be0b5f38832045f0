import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrderType } from 'src/modules/orders/order.type';

@ObjectType('BulkOrderResult', { description: 'What a bulk action did to one order, in words when it did not.' })
export class BulkOrderResultType {
  @Field(() => ID)
  orderId: string;

  @Field(() => String, { nullable: true, description: 'The channel order number; null for an unknown id.' })
  channelOrderId: string | null;

  @Field()
  ok: boolean;

  @Field(() => String, { nullable: true, description: 'Why it failed, or a note on what was done (already done).' })
  message: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Machine-readable: the error code (CONFLICT, RULE_VIOLATION, …) or the outcome (ALREADY_ACKNOWLEDGED, …).',
  })
  code: string | null;

  @Field({ description: 'The buyer asked to cancel this order (a line of it).' })
  buyerAskedToCancel: boolean;
}

@ObjectType('BulkResult', {
  description: 'One result per order, in the order asked; one failure never stops the rest.',
})
export class BulkResultType {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  succeeded: number;

  @Field(() => Int)
  failed: number;

  @Field(() => [BulkOrderResultType])
  results: BulkOrderResultType[];
}

@ObjectType('BulkOrderRef')
export class BulkOrderRefType {
  @Field(() => ID)
  orderId: string;

  @Field()
  channelOrderId: string;
}

@ObjectType('BulkPreview', {
  description: 'The orders a bulk target covers now (checked like the action), and those whose buyer asked to cancel.',
})
export class BulkPreviewType {
  @Field(() => Int)
  total: number;

  @Field(() => [ID])
  orderIds: string[];

  @Field(() => [OrderType], { description: 'The orders themselves, in the same order (for a bulk ship grid).' })
  orders: OrderType[];

  @Field(() => [BulkOrderRefType], { description: 'Warn before acknowledging or shipping these.' })
  buyerAskedToCancel: BulkOrderRefType[];
}
