import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AddressMatch,
  CarrierEventSource,
  CarrierEventType,
  CarrierStatus,
  TrackerState,
  type CarrierLocation,
} from '@order-hub/types';
import type { CarrierEventEntity } from 'src/modules/carrier-events/carrier-event.repository';
import type { ShipmentTrackerEntity } from '../shipment-tracker.repository';

registerEnumType(TrackerState, {
  name: 'TrackerState',
  description: 'Where the hub stands with following a shipment at the tracking provider.',
});
registerEnumType(CarrierStatus, {
  name: 'CarrierStatus',
  description: "A parcel's status as the carrier reports it (the tracking provider's vocabulary).",
});
registerEnumType(AddressMatch, {
  name: 'AddressMatch',
  description: "The carrier's delivery location held against the order's ship-to; UNKNOWN is never a match.",
});
registerEnumType(CarrierEventType, { name: 'CarrierEventType' });
registerEnumType(CarrierEventSource, { name: 'CarrierEventSource' });

@ObjectType('CarrierLocation', { description: 'Where a carrier saw a parcel; any part may be unknown.' })
export class CarrierLocationType {
  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  state: string | null;

  @Field(() => String, { nullable: true })
  zip: string | null;

  @Field(() => String, { nullable: true })
  country: string | null;
}

@ObjectType('ShipmentTracking', { description: "How the hub follows a shipment's parcel at the tracking provider." })
export class ShipmentTrackingType {
  @Field(() => TrackerState)
  state: TrackerState;

  @Field(() => CarrierStatus, { nullable: true })
  status: CarrierStatus | null;

  @Field(() => String, { nullable: true })
  statusDetail: string | null;

  @Field(() => String, { nullable: true, description: "The carrier's public tracking page (through the provider)." })
  publicUrl: string | null;

  @Field(() => Date, { nullable: true, description: 'The first carrier scan (past pre-transit).' })
  firstScanAt: Date | null;

  @Field(() => Date, { nullable: true })
  firstDeliveryAttemptAt: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => Date, { nullable: true })
  estimatedDeliveryAt: Date | null;

  @Field(() => AddressMatch, { nullable: true, description: 'Null until the carrier reports a delivery.' })
  addressMatch: AddressMatch | null;

  @Field(() => CarrierLocationType, { nullable: true, description: 'Where the carrier delivered (or attempted) it.' })
  deliveredTo: CarrierLocationType | null;

  @Field(() => String, { nullable: true, description: 'Why the provider refused the number (UNTRACKABLE).' })
  untrackableReason: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'The last time the hub heard from the provider: carrier data as of.',
  })
  checkedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The last failed call to the provider about it.' })
  lastError: string | null;
}

@ObjectType('CarrierEvent', { description: 'A carrier scan or status change of a shipment, oldest first.' })
export class CarrierEventGqlType {
  @Field(() => CarrierEventType)
  type: CarrierEventType;

  @Field(() => CarrierStatus, { nullable: true })
  status: CarrierStatus | null;

  @Field(() => Date, { nullable: true, description: 'Null when the source reported it without a time.' })
  occurredAt: Date | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => CarrierLocationType, { nullable: true })
  location: CarrierLocationType | null;

  @Field(() => CarrierEventSource)
  source: CarrierEventSource;
}

const location = (l: CarrierLocation): CarrierLocation | null => (l.city || l.state || l.zip || l.country ? l : null);

export function toShipmentTracking(t: ShipmentTrackerEntity): ShipmentTrackingType {
  return {
    state: t.state,
    status: t.status,
    statusDetail: t.statusDetail,
    publicUrl: t.publicUrl,
    firstScanAt: t.firstScanAt,
    firstDeliveryAttemptAt: t.firstAttemptAt,
    deliveredAt: t.deliveredAt,
    estimatedDeliveryAt: t.estDeliveryAt,
    addressMatch: t.addressMatch,
    deliveredTo: location({
      city: t.deliveryCity,
      state: t.deliveryState,
      zip: t.deliveryZip,
      country: t.deliveryCountry,
    }),
    untrackableReason: t.untrackableReason,
    checkedAt: t.checkedAt,
    lastError: t.lastError,
  };
}

export function toCarrierEvent(e: CarrierEventEntity): CarrierEventGqlType {
  return {
    type: e.type,
    status: e.status,
    occurredAt: e.occurredAt,
    description: e.description,
    location: location({ city: e.city, state: e.state, zip: e.zip, country: e.country }),
    source: e.source,
  };
}
