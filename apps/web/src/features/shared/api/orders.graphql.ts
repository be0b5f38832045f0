import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const OrdersQuery = graphql(`
  query Orders($filter: OrderFilter, $sort: OrderSort, $first: Int, $after: String) {
    orders(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      approximateCount {
        count
        exact
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        matches {
          field
          value
        }
        node {
          id
          channel
          channelOrderId
          account {
            id
            name
            timeZone
          }
          shipTo {
            name
            stateOrRegion
          }
          orderedAt
          shipBy
          status
          fulfillmentMethod
          shipMethod
          cancellationRequested
          total {
            amountCents
            currency
          }
          lines {
            id
            sku
            quantityOrdered
          }
          shipments {
            id
            trackingNumber
          }
          labelCostCents
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
      exact
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
        charge {
          amountCents
          currency
        }
        refunded {
          amountCents
          currency
        }
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

export type OrderEdgeRow = ResultOf<typeof OrdersQuery>['orders']['edges'][number];
export type OrderRow = OrderEdgeRow['node'];
export type OrderDetail = NonNullable<ResultOf<typeof OrderQuery>['order']>;
