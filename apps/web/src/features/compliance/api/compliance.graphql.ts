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
              channelOrderId
              status
              orderedAt
              shipBy
              account {
                id
                name
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
export type CarrierDataStatusView = ResultOf<typeof ComplianceReportQuery>['complianceReport']['carrierData'];
