import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../../gql';

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
  }
`);

export const ComplianceReportQuery = graphql(`
  query ComplianceReport($channel: Channel!, $accountId: ID, $asOf: DateTime) {
    complianceReport(channel: $channel, accountId: $accountId, asOf: $asOf) {
      channel
      accountId
      asOf
      policyVersion
      metrics {
        ...ComplianceMetricFields
      }
    }
  }
`);

// The orders field hangs off every metric; the page keeps the rows of the metric it opened.
export const ComplianceMetricOrdersQuery = graphql(`
  query ComplianceMetricOrders($channel: Channel!, $accountId: ID, $asOf: DateTime, $first: Int, $after: String) {
    complianceReport(channel: $channel, accountId: $accountId, asOf: $asOf) {
      metrics {
        key
        category
        orders(first: $first, after: $after) {
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
      disabledAt
    }
  }
`);

export type ComplianceReportView = ResultOf<typeof ComplianceReportQuery>['complianceReport'];
export type ComplianceMetricView = ResultOf<typeof ComplianceMetricFieldsFragment>;
export type MetricOrdersView = ResultOf<typeof ComplianceMetricOrdersQuery>['complianceReport']['metrics'][number]['orders'];
