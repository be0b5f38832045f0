import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Channel, ComplianceMetricKey } from '@order-hub/types';
import { ComplianceMetricType } from 'src/modules/compliance/dto/compliance-report.type';

@ObjectType('PlanOfActionCause', { description: 'One cause found in the data, with the orders behind it.' })
export class PlanOfActionCauseType {
  @Field({
    description:
      'NO_TRACKING, INVALID_FORMAT, WRONG_CARRIER, UNTRACKABLE, NO_CARRIER_SCAN, DELIVERED_ELSEWHERE, LATE_SUPPLIER_TRACKING, LATE_SHIPMENT, LATE_DELIVERY, LATE_ACKNOWLEDGEMENT, CANCELLATION or REFUND.',
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

@ObjectType('PlanOfActionSource', {
  description:
    'Where shipments with a tracking defect came from (a CSV file and its supplier, the console or API token, Amazon MCF, the channel import), with their defects.',
})
export class PlanOfActionSourceType {
  @Field({ description: 'In words: "supplier Acme\'s CSV file acme-1201.csv by token:ops", "Amazon MCF", …' })
  origin: string;

  @Field(() => Int, { description: 'Shipments from it counted against the metric.' })
  shipments: number;

  @Field(() => Int, { description: "Failing the carrier's format (or with no number, or another carrier's)." })
  invalidFormat: number;

  @Field(() => Int, { description: 'Numbers the tracking provider matched to no carrier.' })
  untrackable: number;

  @Field(() => Int, { description: 'Never scanned by the carrier by the late-origin-scan deadline.' })
  neverScanned: number;

  @Field(() => Int, { description: "Delivered by the carrier to another address than the order's ship-to." })
  deliveredElsewhere: number;

  @Field(() => [String])
  channelOrderIds: string[];
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

  @Field(() => [PlanOfActionSourceType], {
    description: 'The tracking defects by where each shipment came from, most first (tracking metrics only).',
  })
  sources: PlanOfActionSourceType[];

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
