import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

// What the carrier saw of one shipment: the tracker's state and verdicts, and every event oldest first.
export const ShipmentCarrierFieldsFragment = graphql(`
  fragment ShipmentCarrierFields on Shipment {
    tracking {
      state
      status
      statusDetail
      publicUrl
      firstScanAt
      firstDeliveryAttemptAt
      deliveredAt
      estimatedDeliveryAt
      addressMatch
      deliveredTo {
        city
        state
        zip
        country
      }
      untrackableReason
      checkedAt
      lastError
    }
    carrierEvents {
      type
      status
      occurredAt
      description
      location {
        city
        state
        zip
        country
      }
      source
    }
  }
`);

export const TrackingHoldFieldsFragment = graphql(`
  fragment TrackingHoldFields on TrackingHold {
    shipmentId
    operation
    trackingNumber
    carrier
    heldSince
    releaseBy
    releasedAt
    releaseReason
  }
`);

export const ReleaseTrackingHoldMutation = graphql(`
  mutation ReleaseTrackingHold($shipmentId: ID!) {
    releaseTrackingHold(shipmentId: $shipmentId) {
      ...TrackingHoldFields
    }
  }
`);

export type ShipmentCarrierView = ResultOf<typeof ShipmentCarrierFieldsFragment>;
export type ShipmentTrackingView = NonNullable<ShipmentCarrierView['tracking']>;
export type CarrierEventView = ShipmentCarrierView['carrierEvents'][number];
export type TrackingHoldView = ResultOf<typeof TrackingHoldFieldsFragment>;
