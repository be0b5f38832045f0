import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const PushStatusFieldsFragment = graphql(`
  fragment PushStatusFields on PushStatus {
    transport
    state
    available
    unavailableReason
    webhookUrl
    subscribedAt
    subscribedBy
    lastEventAt
    eventsToday
    missedToday
    missedLast7Days
    pendingEvents
    failedLast7Days
    deadLetters
    lastError
    lastErrorAt
    lastTestAt
    pollMode
    pollIntervalSeconds
    pollModeReason
  }
`);

export const MissedPushesQuery = graphql(`
  query MissedPushes($accountId: ID!, $first: Int!) {
    missedPushes(accountId: $accountId, first: $first) {
      edges {
        node {
          channelOrderId
          orderId
          foundAt
          orderedAt
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const SubscribePushMutation = graphql(`
  mutation SubscribePush($accountId: ID!) {
    subscribePush(accountId: $accountId) {
      ...ChannelAccountFields
    }
  }
`);

export const SendPushTestMutation = graphql(`
  mutation SendPushTest($accountId: ID!) {
    sendPushTest(accountId: $accountId) {
      ...ChannelAccountFields
    }
  }
`);

export const UnsubscribePushMutation = graphql(`
  mutation UnsubscribePush($accountId: ID!) {
    unsubscribePush(accountId: $accountId) {
      ...ChannelAccountFields
    }
  }
`);

export type PushStatusView = ResultOf<typeof PushStatusFieldsFragment>;
export type MissedPushView = ResultOf<typeof MissedPushesQuery>['missedPushes']['edges'][number]['node'];
