import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { MetricStatus, ReturnReasonCategory, type MetricComparator } from '@order-hub/types';
import { MetricComparatorEnum } from '../dto/compliance-report.type';
// ReturnReasonCategory is registered as a GraphQL enum with the Return type.
import 'src/modules/returns/return.type';

@ObjectType('ReturnedOrderEvidence', { description: 'A delivered order of the window that a return was asked for.' })
export class ReturnedOrderEvidenceType {
  @Field(() => ID)
  orderId: string;

  @Field({ description: "The channel's order number." })
  orderNumber: string;

  @Field()
  deliveredAt: Date;
}

@ObjectType('ReturnRate', {
  description:
    "Delivered orders returned ÷ orders delivered in the window (seller-fulfilled), against the channel's standard.",
})
export class ReturnRateType {
  @Field()
  label: string;

  @Field(() => Int, { description: 'Orders delivered in the window that a return was asked for (not cancelled).' })
  returned: number;

  @Field(() => Int, { description: 'Seller-fulfilled orders delivered in the window.' })
  delivered: number;

  @Field(() => Float, { nullable: true, description: 'Percent; null when nothing was delivered.' })
  percent: number | null;

  @Field(() => Float, { description: 'Percent, from the policy in force at the window end.' })
  threshold: number;

  @Field(() => MetricComparatorEnum, { description: 'How the rate is held to the threshold: AT_MOST (≤).' })
  comparator: MetricComparator;

  @Field(() => MetricStatus)
  status: MetricStatus;

  @Field({ description: "The channel's text the standard comes from." })
  source: string;

  @Field(() => [ReturnedOrderEvidenceType], { description: 'The returned orders, by delivery (at most 100).' })
  returnedOrders: ReturnedOrderEvidenceType[];
}

@ObjectType('RefundsByCategory', { description: 'Refunds given on returns in the window, by how their reason counts.' })
export class RefundsByCategoryType {
  @Field(() => ReturnReasonCategory)
  category: ReturnReasonCategory;

  @Field({ description: 'The category in words: Seller fault, Buyer remorse, Other.' })
  label: string;

  @Field(() => Int, { description: 'Returns refunded (a return with lines of two categories counts in both).' })
  count: number;

  @Field(() => Int)
  amountCents: number;
}

@ObjectType('ReturnsByReason', { description: 'Returns asked for in the window with one reason.' })
export class ReturnsByReasonType {
  @Field(() => String, { nullable: true, description: "The channel's reason code; null when it gave none." })
  reasonCode: string | null;

  @Field({ description: 'The reason in words.' })
  label: string;

  @Field(() => ReturnReasonCategory)
  category: ReturnReasonCategory;

  @Field(() => Int, { description: 'Returns with a line of this reason.' })
  count: number;

  @Field(() => Int, { description: 'Units returned with this reason.' })
  units: number;
}

@ObjectType('ChannelRefundedReturn', { description: 'A return the channel refunded itself.' })
export class ChannelRefundedReturnType {
  @Field(() => ID)
  id: string;

  @Field({ description: "The channel's return id (RMA)." })
  channelReturnId: string;

  @Field(() => ID, { nullable: true })
  orderId: string | null;

  @Field()
  orderNumber: string;

  @Field(() => Date, { nullable: true })
  receivedAt: Date | null;

  @Field()
  refundedAt: Date;

  @Field(() => Int, { description: 'What the channel refunded.' })
  amountCents: number;
}

@ObjectType('RefundedByChannel', {
  description: 'Refunds the channel issued itself on returns in the window: they count against the seller.',
})
export class RefundedByChannelType {
  @Field(() => Int)
  count: number;

  @Field(() => Int)
  amountCents: number;

  @Field({ description: 'Why it happened and how it counts, from the policy.' })
  explanation: string;

  @Field(() => [ChannelRefundedReturnType], { description: 'The returns, oldest refund first (at most 100).' })
  returns: ChannelRefundedReturnType[];
}

@ObjectType('ComplianceReturns', { description: "The returns side of the compliance report, over the window's days." })
export class ComplianceReturnsType {
  @Field(() => Int)
  windowDays: number;

  @Field()
  windowStart: Date;

  @Field()
  windowEnd: Date;

  @Field(() => ReturnRateType, {
    nullable: true,
    description:
      'Null where the policy in force publishes no return rate standard (Amazon; Walmart before 2026-01-29).',
  })
  returnRate: ReturnRateType | null;

  @Field(() => [RefundsByCategoryType], { description: 'Seller fault, buyer remorse, other: always all three.' })
  refundsByCategory: RefundsByCategoryType[];

  @Field(() => [ReturnsByReasonType], { description: 'Most returns first.' })
  byReason: ReturnsByReasonType[];

  @Field(() => RefundedByChannelType)
  refundedByChannel: RefundedByChannelType;
}
