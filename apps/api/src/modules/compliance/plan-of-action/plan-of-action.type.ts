import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Channel, ComplianceMetricKey } from '@order-hub/types';
import { ComplianceMetricType } from 'src/modules/compliance/dto/compliance-report.type';

@ObjectType('PlanOfActionCause', { description: 'One cause found in the data, with the orders behind it.' })
export class PlanOfActionCauseType {
  @Field({
    description:
      'NO_TRACKING, INVALID_FORMAT, WRONG_CARRIER, LATE_SUPPLIER_TRACKING, LATE_SHIPMENT, LATE_DELIVERY, LATE_ACKNOWLEDGEMENT, CANCELLATION or REFUND.',
  })
  cause: string;

  @Field(() => String, { nullable: true, description: 'The cancellation or refund reason code.' })
  reason: string | null;

  @Field(() => Int)
  orderCount: number;

  @Field(() => [ID])
  orderIds: string[];

  @Field(() => [String])
  channelOrderIds: string[];

  @Field()
  firstAt: Date;

  @Field()
  lastAt: Date;

  @Field(() => Float, { nullable: true, description: 'Most hours late, for the late causes.' })
  maxLateHours: number | null;
}

@ObjectType('HubControl', { description: 'A safeguard the hub runs today.' })
export class HubControlType {
  @Field()
  code: string;

  @Field()
  description: string;
}

@ObjectType('PlanOfActionText', { description: 'The three sections marketplaces ask for.' })
export class PlanOfActionTextType {
  @Field()
  rootCause: string;

  @Field()
  correctiveActions: string;

  @Field()
  preventiveMeasures: string;
}

@ObjectType('SavedPlanOfAction', { description: "The operator's edited plan." })
export class SavedPlanOfActionType extends PlanOfActionTextType {
  @Field()
  updatedBy: string;

  @Field()
  updatedAt: Date;
}

@ObjectType('PlanOfAction')
export class PlanOfActionType {
  @Field(() => Channel)
  channel: Channel;

  @Field(() => ID, { nullable: true })
  accountId: string | null;

  @Field(() => ComplianceMetricKey)
  metric: ComplianceMetricKey;

  @Field(() => String, { nullable: true })
  category: string | null;

  @Field({ description: 'The instant the metric was computed as of; plans are saved per UTC day of it.' })
  windowEnd: Date;

  @Field(() => ComplianceMetricType, { description: 'The metric as of the window end.' })
  metricReport: ComplianceMetricType;

  @Field(() => Int, { description: 'Distinct orders behind the causes.' })
  affectedOrders: number;

  @Field(() => [PlanOfActionCauseType])
  causes: PlanOfActionCauseType[];

  @Field(() => [HubControlType])
  controls: HubControlType[];

  @Field(() => PlanOfActionTextType, { description: 'Drafted from the data now.' })
  draft: PlanOfActionTextType;

  @Field(() => SavedPlanOfActionType, {
    nullable: true,
    description: 'What the operator saved for this metric and day, if anything.',
  })
  saved: SavedPlanOfActionType | null;
}

@InputType('PlanOfActionInput')
export class PlanOfActionInput {
  @Field(() => Channel)
  channel: Channel;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => ComplianceMetricKey)
  metric: ComplianceMetricKey;

  @Field(() => String, { nullable: true })
  category?: string | null;

  @Field(() => Date, { nullable: true, description: 'Default now.' })
  windowEnd?: Date | null;

  @Field()
  rootCause: string;

  @Field()
  correctiveActions: string;

  @Field()
  preventiveMeasures: string;
}
