import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const BulkResultFieldsFragment = graphql(`
  fragment BulkResultFields on BulkResult {
    total
    succeeded
    failed
    results {
      orderId
      channelOrderId
      ok
      message
      code
      buyerAskedToCancel
    }
  }
`);

export const BulkPreviewQuery = graphql(`
  query BulkPreview($target: BulkTarget!) {
    bulkPreview(target: $target) {
      total
      orderIds
      buyerAskedToCancel {
        orderId
        channelOrderId
      }
      orders {
        id
        channel
        channelOrderId
        customerOrderId
        status
        orderedAt
        shipBy
        shipMethod
        version
        cancellationRequested
        total {
          amountCents
          currency
        }
        account {
          id
          name
          marketplace
          timeZone
        }
        shipTo {
          name
          stateOrRegion
        }
        lines {
          id
          lineNumber
          sku
          quantityOrdered
          quantityShipped
          quantityCancelled
          quantityRefunded
          cancellationRequested
        }
      }
    }
  }
`);

export const BulkAcknowledgeMutation = graphql(`
  mutation BulkAcknowledge($target: BulkTarget!) {
    bulkAcknowledge(target: $target) {
      ...BulkResultFields
    }
  }
`);

export const BulkCancelMutation = graphql(`
  mutation BulkCancel($target: BulkTarget!, $reason: String!) {
    bulkCancel(target: $target, reason: $reason) {
      ...BulkResultFields
    }
  }
`);

export const BulkRouteToMcfMutation = graphql(`
  mutation BulkRouteToMcf($target: BulkTarget!) {
    bulkRouteToMcf(target: $target) {
      ...BulkResultFields
    }
  }
`);

export const BulkShipMutation = graphql(`
  mutation BulkShip($rows: [BulkShipRowInput!]!) {
    bulkShip(rows: $rows) {
      ...BulkResultFields
    }
  }
`);

export type BulkPreview = ResultOf<typeof BulkPreviewQuery>['bulkPreview'];
export type BulkOrder = BulkPreview['orders'][number];
