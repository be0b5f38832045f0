import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

/** A return as the list, the detail and the order page show it. */
export const ReturnFieldsFragment = graphql(`
  fragment ReturnFields on Return {
    id
    channel
    accountId
    accountName
    channelReturnId
    customerOrderId
    orderId
    orderNumber
    status
    statusLabel
    requestedAt
    receivedAt
    refundedAt
    refundedBy
    returnType
    claim
    currency
    amountCents
    refundedCents
    version
    updatedAt
    refundClock {
      state
      dueAt
      label
    }
    lines {
      returnLineNumber
      channelOrderId
      orderId
      lineNumber
      sku
      productName
      quantity
      quantityRefunded
      quantityRefundable
      reasonCode
      reasonLabel
      reasonCategory
      status
      receivedAt
      refundedBy
      unitPriceCents
      unitTaxCents
      proposedRefundCents
    }
  }
`);

export const ReturnsQuery = graphql(`
  query Returns($filter: ReturnFilter, $first: Int, $after: String) {
    returns(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ReturnFields
        }
      }
    }
  }
`);

/** One return with what the detail page adds: tracking, the label, and the order's channel calls (its refunds). */
export const ReturnQuery = graphql(`
  query Return($id: ID!) {
    return(id: $id) {
      ...ReturnFields
      labelUrl
      tracking {
        carrier
        trackingNumber
      }
      order {
        id
        channel
        channelOrderId
        account {
          id
          marketplace
          timeZone
        }
        outbox {
          ...OutboxEntryFields
        }
      }
    }
  }
`);

export const OrderReturnsQuery = graphql(`
  query OrderReturns($id: ID!) {
    order(id: $id) {
      id
      returns {
        ...ReturnFields
      }
    }
  }
`);

export const ReturnCountsQuery = graphql(`
  query ReturnCounts($channel: Channel!) {
    returnCounts(channel: $channel) {
      refundsDue
      dueSoon
      overdue
      refundedByChannel30d
    }
  }
`);

/** The accounts whose channels make the page's tabs, with their zones for the dates. */
export const ReturnAccountsQuery = graphql(`
  query ReturnAccounts {
    channelAccounts {
      id
      channel
      name
      marketplace
      timeZone
    }
  }
`);

export const RefundReturnMutation = graphql(`
  mutation RefundReturn($input: RefundReturnInput!) {
    refundReturn(input: $input) {
      return {
        ...ReturnFields
      }
      outbox {
        ...OutboxEntryFields
      }
      warnings {
        ...ViolationFields
      }
    }
  }
`);

export type ReturnView = ResultOf<typeof ReturnFieldsFragment>;
export type ReturnLineView = ReturnView['lines'][number];
export type ReturnDetail = NonNullable<ResultOf<typeof ReturnQuery>['return']>;
export type ReturnAccount = ResultOf<typeof ReturnAccountsQuery>['channelAccounts'][number];
export type RefundReturnResultView = ResultOf<typeof RefundReturnMutation>['refundReturn'];

/** The refund's channel call, followed until the channel takes or refuses it. */
export const RefundOutboxEntryQuery = graphql(`
  query RefundOutboxEntry($id: ID!) {
    outboxEntry(id: $id) {
      ...OutboxEntryFields
    }
  }
`);
