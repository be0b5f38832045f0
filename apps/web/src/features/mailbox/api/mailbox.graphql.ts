import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const MailSyncStateFieldsFragment = graphql(`
  fragment MailSyncStateFields on MailSyncState {
    lastRunAt
    lastSuccessAt
    lastError
    nextRunAt
    messagesRead
    running
  }
`);

export const MailboxFieldsFragment = graphql(`
  fragment MailboxFields on Mailbox {
    id
    name
    host
    port
    secure
    user
    enabled
    accountIds
    folders {
      inbox
      junk
      sent
    }
    sync {
      ...MailSyncStateFields
    }
  }
`);

/** The mailboxes with their reading status, and the accounts they may serve (for the zone and the choice). */
export const MailboxesQuery = graphql(`
  query Mailboxes {
    mailboxes {
      ...MailboxFields
    }
    channelAccounts {
      id
      name
      channel
      timeZone
    }
  }
`);

export const ConnectMailboxMutation = graphql(`
  mutation ConnectMailbox($input: ConnectMailboxInput!) {
    connectMailbox(input: $input) {
      ...MailboxFields
    }
  }
`);

export const UpdateMailboxMutation = graphql(`
  mutation UpdateMailbox($id: ID!, $input: UpdateMailboxInput!) {
    updateMailbox(id: $id, input: $input) {
      ...MailboxFields
    }
  }
`);

export const RemoveMailboxMutation = graphql(`
  mutation RemoveMailbox($id: ID!) {
    removeMailbox(id: $id)
  }
`);

export const RefreshMailboxMutation = graphql(`
  mutation RefreshMailbox($id: ID!) {
    refreshMailbox(id: $id) {
      ...MailSyncStateFields
    }
  }
`);

export type MailboxRow = ResultOf<typeof MailboxFieldsFragment>;
export type MailboxAccount = ResultOf<typeof MailboxesQuery>['channelAccounts'][number];
