import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrderLineStatus } from '@order-hub/types';
import type { OrderLineEntity } from './order-line.entity';
import { MoneyType } from './order.type';

@ObjectType('OrderLine')
export class OrderLineType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Walmart lineNumber / Amazon orderItemId.' })
  lineNumber: string;

  @Field()
  sku: string;

  @Field()
  title: string;

  @Field(() => Int)
  quantityOrdered: number;

  @Field(() => Int)
  quantityShipped: number;

  @Field(() => Int)
  quantityCancelled: number;

  @Field(() => Int)
  quantityRefunded: number;

  @Field(() => MoneyType)
  unitPrice: MoneyType;

  @Field(() => OrderLineStatus)
  status: OrderLineStatus;

  @Field({
    description:
      'The buyer asked to cancel this line: cancel it (Walmart: CUSTOMER_REQUESTED_SELLER_TO_CANCEL) or ship with the override.',
  })
  cancellationRequested: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The channel's reason for the cancelled units (Walmart cancellationReason).",
  })
  cancellationReason: string | null;

  @Field(() => String, { nullable: true, description: "The channel's reason for the refund (Walmart refundReason)." })
  refundReason: string | null;

  @Field(() => MoneyType, {
    nullable: true,
    description: 'What the buyer was charged for the line (product, shipping, fees, tax): the ceiling for refunds.',
  })
  charge: MoneyType | null;

  @Field(() => MoneyType, { description: 'Refunded on the line so far, as the last import stored it.' })
  refunded: MoneyType;
}

export function toOrderLineType(e: OrderLineEntity): OrderLineType {
  return {
    id: e.id,
    lineNumber: e.lineNumber,
    sku: e.sku,
    title: e.title,
    quantityOrdered: e.quantityOrdered,
    quantityShipped: e.quantityShipped,
    quantityCancelled: e.quantityCancelled,
    quantityRefunded: e.quantityRefunded,
    unitPrice: { amountCents: e.unitPriceCents, currency: e.currency },
    status: e.status,
    cancellationRequested: e.cancellationRequested,
    cancellationReason: e.cancellationReason,
    refundReason: e.refundReason,
    charge: e.chargeCents === null ? null : { amountCents: e.chargeCents, currency: e.currency },
    refunded: { amountCents: e.refundedCents, currency: e.currency },
  };
}
