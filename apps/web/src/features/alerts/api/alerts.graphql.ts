import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const AlertFieldsFragment = graphql(`
  fragment AlertFields on Alert {
    id
    kind
    severity
    status
    orderId
    accountId
    message
    action
    openedAt
    resolvedAt
    acknowledgedBy
    acknowledgedAt
  }
`);

export const AlertsQuery = graphql(`
  query Alerts($filter: AlertFilter, $first: Int, $after: String) {
    alerts(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AlertFields
        }
      }
    }
  }
`);

export const AlertCountQuery = graphql(`
  query AlertCount($filter: AlertFilter) {
    alerts(filter: $filter, first: 1) {
      totalCount
    }
  }
`);

export const AcknowledgeAlertMutation = graphql(`
  mutation AcknowledgeAlert($id: ID!) {
    acknowledgeAlert(id: $id) {
      ...AlertFields
    }
  }
`);

export const AlertAccountsQuery = graphql(`
  query AlertAccounts {
    channelAccounts {
      id
      channel
      name
    }
  }
`);

export const ChannelWarningFieldsFragment = graphql(`
  fragment ChannelWarningFields on ChannelWarning {
    id
    channel
    accountId
    accountName
    metric
    subject
    message
    receivedAt
    respondBy
    state
    secondsLeft
    alertId
    loggedBy
    loggedAt
    respondedAt
    respondedBy
    responseNote
  }
`);

export const ChannelWarningsQuery = graphql(`
  query ChannelWarnings($filter: ChannelWarningFilter, $first: Int) {
    channelWarnings(filter: $filter, first: $first) {
      ...ChannelWarningFields
    }
  }
`);

export const LogChannelWarningMutation = graphql(`
  mutation LogChannelWarning($input: LogChannelWarningInput!) {
    logChannelWarning(input: $input) {
      ...ChannelWarningFields
    }
  }
`);

export const RespondToChannelWarningMutation = graphql(`
  mutation RespondToChannelWarning($id: ID!, $note: String!) {
    respondToChannelWarning(id: $id, note: $note) {
      ...ChannelWarningFields
    }
  }
`);

export const AlertKindCountsQuery = graphql(`
  query AlertKindCounts($filter: AlertFilter) {
    alertKindCounts(filter: $filter) {
      kind
      count
      unseen
    }
  }
`);

export const MarkAlertsSeenMutation = graphql(`
  mutation MarkAlertsSeen($ids: [ID!], $kinds: [String!]) {
    markAlertsSeen(ids: $ids, kinds: $kinds)
  }
`);

export type AlertView = ResultOf<typeof AlertFieldsFragment>;
export type ChannelWarningView = ResultOf<typeof ChannelWarningFieldsFragment>;
export type AlertAccount = ResultOf<typeof AlertAccountsQuery>['channelAccounts'][number];
