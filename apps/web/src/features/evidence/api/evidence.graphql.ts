import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const OrderEvidenceQuery = graphql(`
  query OrderEvidence($orderId: ID!) {
    orderEvidence(orderId: $orderId) {
      csvPath
      order {
        id
        channel
        channelOrderId
        customerOrderId
        status
        orderedAt
        acknowledgeBy
        acknowledgedAt
        shipBy
        deliverBy
        account {
          id
          name
          marketplace
          timeZone
        }
        buyerDataRedactedAt
        shipTo {
          name
          line1
          line2
          line3
          city
          stateOrRegion
          postalCode
          countryCode
        }
        lines {
          id
          lineNumber
          sku
          title
          quantityOrdered
          quantityShipped
          quantityCancelled
          quantityRefunded
        }
      }
      channelCalls {
        id
        operation
        status
        createdAt
        createdBy
        deliveredAt
        lastError
        discardReason
        attempts {
          attempt
          startedAt
          durationMs
          request
          responseStatus
          responseExcerpt
          outcome
          error
        }
      }
      shipments {
        id
        carrier
        trackingNumber
        shippedAt
        source
        origin
        tracking {
          provider
          carrier
          state
          status
          statusDetail
          publicUrl
          firstScanAt
          firstDeliveryAttemptAt
          deliveredAt
          deliveredTo
          shipTo
          addressMatch
          untrackableReason
          checkedAt
        }
        events {
          type
          status
          occurredAt
          source
          description
          location
        }
      }
      audit {
        occurredAt
        actor
        action
        summary
      }
      returns {
        id
        channelReturnId
        status
        requestedAt
        receivedAt
        refundedAt
        refundedBy
        lines
        tracking
      }
      events {
        at
        kind
        actor
        detail
      }
    }
  }
`);

export type OrderEvidenceView = ResultOf<typeof OrderEvidenceQuery>['orderEvidence'];
export type EvidenceShipmentView = OrderEvidenceView['shipments'][number];
export type EvidenceTrackingView = NonNullable<EvidenceShipmentView['tracking']>;
