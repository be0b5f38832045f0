import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const ChannelAccountsQuery = graphql(`
  query ChannelAccounts {
    channelAccounts {
      ...ChannelAccountFields
    }
  }
`);

export const ChannelAccountFieldsFragment = graphql(`
  fragment ChannelAccountFields on ChannelAccount {
    id
    channel
    name
    marketplace
    environment
    baseUrl
    timeZone
    hasCredentials
    holdTrackingUntilScan
    disabledAt
    createdAt
    syncState {
      ...SyncStateFields
    }
    push {
      ...PushStatusFields
    }
  }
`);

export const SyncStateFieldsFragment = graphql(`
  fragment SyncStateFields on SyncState {
    phase
    running
    waitingForStoppedProcess
    leaseExpiresAt
    watermark
    lastStartedAt
    lastSuccessAt
    lastError
    lastErrorAt
    nextRunAt
    ordersImported
    ordersUpdated
    pagesDone
    pagesEstimated
    backfillProgress
    quarantinedOrders
    quarantine {
      channelOrderId
      stage
      reason
      lastSeenAt
    }
  }
`);

export const CreateChannelAccountMutation = graphql(`
  mutation CreateChannelAccount($input: CreateChannelAccountInput!) {
    createChannelAccount(input: $input) {
      ...ChannelAccountFields
    }
  }
`);

export const UpdateChannelAccountMutation = graphql(`
  mutation UpdateChannelAccount($id: ID!, $input: UpdateChannelAccountInput!) {
    updateChannelAccount(id: $id, input: $input) {
      ...ChannelAccountFields
    }
  }
`);

export const DisableChannelAccountMutation = graphql(`
  mutation DisableChannelAccount($id: ID!) {
    disableChannelAccount(id: $id) {
      ...ChannelAccountFields
    }
  }
`);

export const SyncAccountMutation = graphql(`
  mutation SyncAccount($accountId: ID!) {
    syncAccount(accountId: $accountId) {
      ...SyncStateFields
    }
  }
`);

export type ChannelAccountRow = ResultOf<typeof ChannelAccountsQuery>['channelAccounts'][number];
export type SyncStateView = ChannelAccountRow['syncState'];
