import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const PrintableOrdersQuery = graphql(`
  query PrintableOrders($target: BulkTarget!) {
    printableOrders(target: $target) {
      id
      channel
      channelOrderId
      customerOrderId
      orderedAt
      buyerDataRedactedAt
      account {
        id
        name
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
      }
      lines {
        id
        sku
        title
        quantityOrdered
        quantityCancelled
      }
    }
  }
`);

export const PickListQuery = graphql(`
  query PickList($target: BulkTarget!) {
    pickList(target: $target) {
      sku
      title
      bin
      quantity
      orders {
        orderId
        channelOrderId
        quantity
      }
    }
  }
`);

export type PrintableOrder = ResultOf<typeof PrintableOrdersQuery>['printableOrders'][number];
export type PickListRow = ResultOf<typeof PickListQuery>['pickList'][number];
