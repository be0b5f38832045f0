import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const ComplianceMetricFieldsFragment = graphql(`
  fragment ComplianceMetricFields on ComplianceMetric {
    key
    category
    label
    value
    numerator
    denominator
    threshold
    comparator
    status
    defects
    windowDays
    windowStart
    windowEnd
    policyVersion
    exclusions {
      reason
      count
    }
    projection {
      openOrders
      valueIfAllMiss
      statusIfAllMiss
      mustShipOnTime
      latestShipBy
    }
    trend(days: 30) {
      day
      value
      status
    }
    carrierData {
      usesCarrierData
      asOf
      note
    }
    awaitingFirstScan
    trackingValidByConstruction
  }
`);

export const AccountHealthFieldsFragment = graphql(`
  fragment AccountHealthFields on AccountHealth {
    accountId
    fetchedAt
    accountStatus
    rating
    ratingFrom
    ratingTo
    orderDefectRate {
      rate
      target
      targetCondition
      status
      orderCount
      ordersWithDefects
      claims
      chargebacks
      negativeFeedback
      reportingFrom
      reportingTo
    }
  }
`);

export const ComplianceReturnsFieldsFragment = graphql(`
  fragment ComplianceReturnsFields on ComplianceReturns {
    windowDays
    windowStart
    windowEnd
    returnRate {
      label
      returned
      delivered
      percent
      threshold
      comparator
      status
      source
      returnedOrders {
        orderId
        orderNumber
        deliveredAt
      }
    }
    refundsByCategory {
      category
      label
      count
      amountCents
    }
    byReason {
      reasonCode
      label
      category
      count
      units
    }
    refundedByChannel {
      count
      amountCents
      explanation
      returns {
        id
        channelReturnId
        orderId
        orderNumber
        receivedAt
        refundedAt
        amountCents
      }
    }
  }
`);

export const RefreshAccountHealthMutation = graphql(`
  mutation RefreshAccountHealth($accountId: ID!) {
    refreshAccountHealth(accountId: $accountId) {
      ...AccountHealthFields
    }
  }
`);

export const ComplianceReportQuery = graphql(`
  query ComplianceReport($channel: Channel!, $accountId: ID, $asOf: DateTime) {
    complianceReport(channel: $channel, accountId: $accountId, asOf: $asOf) {
      channel
      accountId
      asOf
      policyVersion
      carrierData {
        provider
        enabled
        asOf
        lastError
        note
      }
      metrics {
        ...ComplianceMetricFields
      }
      accountHealth {
        ...AccountHealthFields
      }
      returns {
        ...ComplianceReturnsFields
      }
      sellerResponse {
        due
        onTime
        rate
        windowDays
        respondWithinHours
        source
      }
    }
  }
`);

// One metric's orders of one set: `category` "" is the whole-account metric.
export const ComplianceMetricOrdersQuery = graphql(`
  query ComplianceMetricOrders(
    $channel: Channel!
    $accountId: ID
    $asOf: DateTime
    $key: ComplianceMetricKey!
    $category: String!
    $set: MetricOrderSet!
    $first: Int
    $after: String
  ) {
    complianceReport(channel: $channel, accountId: $accountId, asOf: $asOf) {
      metrics(key: $key, category: $category) {
        key
        category
        orders(first: $first, after: $after, set: $set) {
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
              status
              orderedAt
              shipBy
              account {
                id
                name
              }
              shipments {
                id
                carrier
                trackingNumber
                shippedAt
              }
              acknowledgeBy
              acknowledgedAt
              lines {
                id
                cancellationReason
                quantityCancelled
                refundReason
                quantityRefunded
              }
            }
          }
        }
      }
    }
  }
`);

export const ComplianceAccountsQuery = graphql(`
  query ComplianceAccounts {
    channelAccounts {
      id
      channel
      name
      timeZone
      disabledAt
    }
  }
`);

export type ComplianceMetricView = ResultOf<typeof ComplianceMetricFieldsFragment>;
export type AccountHealthView = ResultOf<typeof AccountHealthFieldsFragment>;
export type ComplianceReturnsView = ResultOf<typeof ComplianceReturnsFieldsFragment>;
export type CarrierDataStatusView = ResultOf<typeof ComplianceReportQuery>['complianceReport']['carrierData'];
