import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CarrierCode, IntakeStatus, IntakeVia } from '@order-hub/types';
import { PageInfoType } from 'src/common/pagination/page-info.type';
import 'src/modules/rules/violation.type';
import type { TrackingIntakeEntity } from './tracking-intake.entity';

registerEnumType(IntakeStatus, {
  name: 'IntakeStatus',
  description:
    "A supplier's tracking number: applied to the order, held for review, refused by the rules, or dismissed.",
});
registerEnumType(IntakeVia, {
  name: 'IntakeVia',
  description: "How a supplier's tracking number reached the hub: their e-mail, the supplier link, a CSV, the console.",
});

@ObjectType('IntakeReason', { description: 'Why a number was held or refused, in the rules’ own words.' })
export class IntakeReasonType {
  @Field({ description: "The rule's code (TRACKING_CHECK_DIGIT…) or the intake's hold (TWO_ORDERS, WRONG_SENDER…)." })
  code: string;

  @Field()
  field: string;

  @Field()
  message: string;

  @Field({ description: 'BLOCK (the rules refuse it), HOLD (a person must look), WARN (applied with a warning).' })
  severity: string;
}

@ObjectType('TrackingIntake', {
  description: "A supplier's tracking number for one order and what the hub did with it.",
})
export class TrackingIntakeType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderId: string;

  @Field(() => ID, { nullable: true })
  supplierId: string | null;

  @Field(() => IntakeVia)
  via: IntakeVia;

  @Field(() => ID, { nullable: true, description: 'The message it came in (mailMessage), for MAIL.' })
  mailId: string | null;

  @Field(() => CarrierCode)
  carrier: CarrierCode;

  @Field(() => String, { nullable: true })
  carrierName: string | null;

  @Field()
  trackingNumber: string;

  @Field(() => IntakeStatus)
  status: IntakeStatus;

  @Field(() => [IntakeReasonType])
  reasons: IntakeReasonType[];

  @Field(() => ID, { nullable: true, description: 'The shipment it became (APPLIED).' })
  shipmentId: string | null;

  @Field({ description: '`supplier:<name>`, or who uploaded the CSV.' })
  createdBy: string;

  @Field(() => String, { nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was dismissed.' })
  note: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('TrackingIntakeEdge')
export class TrackingIntakeEdgeType {
  @Field()
  cursor: string;

  @Field(() => TrackingIntakeType)
  node: TrackingIntakeType;
}

@ObjectType('TrackingIntakeConnection')
export class TrackingIntakeConnectionType {
  @Field(() => [TrackingIntakeEdgeType])
  edges: TrackingIntakeEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  /** Counted on demand (the totalCount field). */
  count: () => Promise<number>;
}

@ObjectType('SupplierLink', {
  description: "The page where the order's supplier enters carrier and tracking (no account).",
})
export class SupplierLinkType {
  @Field()
  url: string;

  @Field()
  expiresAt: Date;
}

export function toTrackingIntakeType(e: TrackingIntakeEntity): TrackingIntakeType {
  return {
    id: e.id,
    orderId: e.orderId,
    supplierId: e.supplierId,
    via: e.via,
    mailId: e.mailId,
    carrier: e.carrier,
    carrierName: e.carrierName,
    trackingNumber: e.trackingNumber,
    status: e.status,
    reasons: e.reasons.map((r) => ({ ...r })),
    shipmentId: e.shipmentId,
    createdBy: e.createdBy,
    decidedBy: e.decidedBy,
    decidedAt: e.decidedAt,
    note: e.note,
    createdAt: e.createdAt,
  };
}
