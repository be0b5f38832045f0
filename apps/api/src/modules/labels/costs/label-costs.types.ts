import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Channel } from '@order-hub/types';

@ObjectType('LabelCostMonth', {
  description: "What one channel's bought labels cost in one month (voided ones excluded).",
})
export class LabelCostMonthType {
  @Field(() => Channel)
  channel: Channel;

  @Field({ description: 'The UTC month the labels were bought in, as 2026-12.' })
  month: string;

  @Field(() => Int)
  labelCount: number;

  @Field(() => Int, { description: 'Integer cents.' })
  amountCents: number;

  @Field()
  currency: string;
}
