import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LabelFormat } from '@order-hub/types';
import { ShippingLabelType } from '../labels.types';

export const LabelChoiceEnum = { CHEAPEST: 'CHEAPEST', FASTEST_ON_TIME: 'FASTEST_ON_TIME' } as const;
registerEnumType(LabelChoiceEnum, {
  name: 'LabelChoice',
  description:
    "CHEAPEST: the cheapest rate keeping the order's promise (of all rates when none does); FASTEST_ON_TIME: the earliest delivery among the rates keeping it.",
});

@InputType('BuyLabelsInput')
export class BuyLabelsInputType {
  @Field(() => [ID], { description: '1 to 100 orders; each gets a label for its preset parcel.' })
  orderIds: string[];

  @Field(() => LabelChoiceEnum)
  choice: keyof typeof LabelChoiceEnum;

  @Field(() => LabelFormat, { nullable: true, defaultValue: 'PDF' })
  format?: LabelFormat | null;
}

@ObjectType('BatchLabelFailure', { description: 'An order of the batch that got no label, and why in words.' })
export class BatchLabelFailureType {
  @Field(() => ID)
  orderId: string;

  @Field(() => String, { nullable: true, description: "The channel's order number; null for an unknown order id." })
  orderNumber: string | null;

  @Field()
  message: string;
}

@ObjectType('BuyLabelsResult')
export class BuyLabelsResultType {
  @Field(() => [ShippingLabelType], {
    description: 'Labels bought (or already held) for the orders, in request order.',
  })
  bought: ShippingLabelType[];

  @Field(() => [BatchLabelFailureType])
  failed: BatchLabelFailureType[];

  @Field(() => String, {
    nullable: true,
    description:
      'One PDF of every bought label and its packing slip, in pick order (GET, same credentials as the other downloads); null when nothing was bought.',
  })
  documentUrl: string | null;
}
