import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { StoredAccountHealth } from './account-health.repository';

@ObjectType('OrderDefectRate', {
  description: "The channel's Order Defect Rate of seller-fulfilled orders, as its account health report states it.",
})
export class OrderDefectRateType {
  @Field(() => Float, { description: 'Percent of orders with a defect (claim, chargeback or negative feedback).' })
  rate: number;

  @Field(() => Float, { description: 'The target in percent.' })
  target: number;

  @Field({ description: 'How the rate is held to the target: LESS_THAN, GREATER_THAN or EQUALS.' })
  targetCondition: string;

  @Field({ description: "The channel's verdict: GOOD, BAD or NONE (nothing to judge)." })
  status: string;

  @Field(() => Int)
  orderCount: number;

  @Field(() => Int)
  ordersWithDefects: number;

  @Field(() => Int, { description: 'A-to-z Guarantee claims.' })
  claims: number;

  @Field(() => Int)
  chargebacks: number;

  @Field(() => Int)
  negativeFeedback: number;

  @Field()
  reportingFrom: Date;

  @Field()
  reportingTo: Date;
}

@ObjectType('AccountHealth', {
  description:
    "One account's health as the channel itself reports it (Amazon's Seller Performance report), as last fetched.",
})
export class AccountHealthType {
  @Field(() => ID)
  accountId: string;

  @Field()
  fetchedAt: Date;

  @Field({ description: "The channel's report id." })
  reportId: string;

  @Field(() => String, { nullable: true, description: 'NORMAL, AT_RISK or DEACTIVATED; null when not reported.' })
  accountStatus: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Account Health Rating status: GREAT or WARNED (the report has no numeric score).',
  })
  rating: string | null;

  @Field(() => Date, { nullable: true })
  ratingFrom: Date | null;

  @Field(() => Date, { nullable: true })
  ratingTo: Date | null;

  @Field(() => OrderDefectRateType, { nullable: true })
  orderDefectRate: OrderDefectRateType | null;
}

export function toAccountHealthType(s: StoredAccountHealth): AccountHealthType {
  const odr = s.orderDefectRate;
  return {
    accountId: s.accountId,
    fetchedAt: s.fetchedAt,
    reportId: s.reportId,
    accountStatus: s.accountStatus,
    rating: s.ratingStatus,
    ratingFrom: s.ratingFrom,
    ratingTo: s.ratingTo,
    orderDefectRate: odr && {
      rate: odr.ratePercent,
      target: odr.targetPercent,
      targetCondition: odr.targetCondition,
      status: odr.status,
      orderCount: odr.orderCount,
      ordersWithDefects: odr.ordersWithDefects,
      claims: odr.claims,
      chargebacks: odr.chargebacks,
      negativeFeedback: odr.negativeFeedback,
      reportingFrom: odr.reportingFrom,
      reportingTo: odr.reportingTo,
    },
  };
}
