import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OutboxOperation } from '@order-hub/types';
import { TrackingHoldReleaseReason } from './tracking-hold-reason';
import type { TrackingHoldEntity } from './tracking-hold.entity';

registerEnumType(TrackingHoldReleaseReason, {
  name: 'TrackingHoldReleaseReason',
  valuesMap: {
    FIRST_SCAN: { description: 'The carrier scanned the parcel: the channel counts the number as valid from now.' },
    DEADLINE: { description: 'No scan yet, and ship-by less the policy margin came: sent so the order is not late.' },
    MANUAL: { description: 'An operator confirmed it now.' },
  },
});

@ObjectType('TrackingHold', {
  description:
    "A shipment confirmation the hub holds back from the channel until the parcel's first carrier scan, or releaseBy (the account's holdTrackingUntilScan).",
})
export class TrackingHoldType {
  @Field(() => ID)
  shipmentId: string;

  @Field(() => OutboxOperation, { description: 'SHIP, or UPDATE_TRACKING for a correction.' })
  operation: OutboxOperation;

  @Field(() => ID, { description: 'The held channel call (Order.outbox).' })
  outboxEntryId: string;

  @Field()
  trackingNumber: string;

  @Field()
  carrier: string;

  @Field()
  heldSince: Date;

  @Field({ description: 'When it goes out without a scan: ship-by less the policy margin.' })
  releaseBy: Date;

  @Field(() => Date, { nullable: true })
  releasedAt: Date | null;

  @Field(() => TrackingHoldReleaseReason, { nullable: true, description: 'Null while held.' })
  releaseReason: TrackingHoldReleaseReason | null;
}

export function toTrackingHoldType(e: TrackingHoldEntity): TrackingHoldType {
  return {
    shipmentId: e.shipmentId,
    operation: e.operation,
    outboxEntryId: e.outboxId,
    trackingNumber: e.trackingNumber,
    carrier: e.carrier,
    heldSince: e.heldSince,
    releaseBy: e.releaseBy,
    releasedAt: e.releasedAt,
    releaseReason: e.releaseReason,
  };
}
