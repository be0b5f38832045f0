import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SellerResponse', {
  description:
    'The seller response rate: buyer messages whose answer fell due in the window, and how many were answered by their deadline (from the Sent folder or marked by hand).',
})
export class SellerResponseType {
  @Field(() => Int, { description: 'Buyer messages due in the window (answered, or past their deadline).' })
  due: number;

  @Field(() => Int, { description: 'Of those, answered by their deadline.' })
  onTime: number;

  @Field(() => Float, { nullable: true, description: 'Percent to one decimal; null when nothing was due.' })
  rate: number | null;

  @Field(() => Int)
  windowDays: number;

  @Field(() => Int, { description: 'Hours the channel gives to answer (the policy in force at the window end).' })
  respondWithinHours: number;

  @Field({ description: "The channel's text the deadline comes from." })
  source: string;
}
