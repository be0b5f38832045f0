import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const McfOrderFieldsFragment = graphql(`
  fragment McfOrderFields on McfOrder {
    id
    orderId
    mcfAccountId
    sellerFulfillmentOrderId
    status
    amazonStatus
    shippingSpeed
    reason
    held
    createdAt
    updatedAt
    packages {
      packageNumber
      carrierCode
      trackingNumber
      shipmentId
      holdReason
      movingAt
      events
    }
  }
`);

export const McfOrdersQuery = graphql(`
  query McfOrders($statuses: [String!], $held: Boolean, $first: Int, $before: DateTime) {
    mcfOrders(statuses: $statuses, held: $held, first: $first, before: $before) {
      ...McfOrderFields
      order {
        id
        channel
        channelOrderId
        shipBy
        shipTo {
          name
        }
        account {
          id
          timeZone
        }
      }
    }
  }
`);

export const RouteOrdersToMcfMutation = graphql(`
  mutation RouteOrdersToMcf($orderIds: [ID!]!, $mcfAccountId: ID) {
    routeOrdersToMcf(orderIds: $orderIds, mcfAccountId: $mcfAccountId) {
      orderId
      outcome
      reason
    }
  }
`);

export type McfOrderView = ResultOf<typeof McfOrderFieldsFragment>;
export type McfQueueRow = ResultOf<typeof McfOrdersQuery>['mcfOrders'][number];
export type McfPackageView = McfOrderView['packages'][number];
