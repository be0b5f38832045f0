import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const OrdersQuery = graphql(`
  query Orders($filter: OrderFilter, $first: Int, $after: String) {
    orders(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          channel
          channelOrderId
          account {
            id
            name
          }
          shipTo {
            name
          }
          orderedAt
          shipBy
          status
          fulfillmentMethod
          cancellationRequested
          total {
            amountCents
            currency
          }
          lines {
            id
            quantityOrdered
          }
          channelRefusals {
            state
            operation
            reason
            refusedAt
          }
        }
      }
    }
  }
`);

export const OrderViewCountsQuery = graphql(`
  query OrderViewCounts($filter: OrderFilter) {
    orderViewCounts(filter: $filter) {
      view
      count
    }
  }
`);

export const OrderQuery = graphql(`
  query Order($id: ID!) {
    order(id: $id) {
      id
      channel
      channelOrderId
      customerOrderId
      orderType
      originalCustomerOrderId
      shipNodeType
      status
      fulfillmentMethod
      cancellationRequested
      shipMethod
      orderedAt
      acknowledgedAt
      shipBy
      deliverBy
      acknowledgeBy
      autoCancelAt
      updatedAt
      buyerDataRedactedAt
      buyerDataRetentionDays
      version
      total {
        amountCents
        currency
      }
      account {
        id
        name
        marketplace
        environment
        timeZone
      }
      shipTo {
        name
        line1
        line2
        line3
        city
        stateOrRegion
        postalCode
        countryCode
        phone
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
        unitPrice {
          amountCents
          currency
        }
        status
        cancellationRequested
      }
      mcfOrder {
        ...McfOrderFields
      }
      shipments {
        id
        source
        carrier
        carrierCode
        service
        trackingNumber
        trackingUrl
        shippedAt
        packageType
        weightOz
        lengthIn
        widthIn
        heightIn
        lines {
          orderLineId
          lineNumber
          sku
          quantity
        }
        ...ShipmentCarrierFields
      }
      trackingHolds {
        ...TrackingHoldFields
      }
      auditEvents {
        id
        occurredAt
        actor
        action
        before
        after
      }
      outbox {
        ...OutboxEntryFields
      }
      channelRefusals {
        state
        operation
        reason
        refusedAt
        entry {
          ...OutboxEntryFields
        }
      }
      rawPayload
    }
  }
`);

export type OrderRow = ResultOf<typeof OrdersQuery>['orders']['edges'][number]['node'];
export type OrderDetail = NonNullable<ResultOf<typeof OrderQuery>['order']>;
