import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

/** A buyer message or performance e-mail as the lists and the order page show it. */
export const BuyerMessageFieldsFragment = graphql(`
  fragment BuyerMessageFields on BuyerMessage {
    id
    channel
    kind
    from
    subject
    excerpt
    receivedAt
    respondBy
    state
    hoursLeft
    answeredAt
    answeredBy
    answerNote
    replyUrl
    mailMessageId
    channelWarningId
    orderNumbers
    unlinkedReason
    account {
      id
      name
      timeZone
    }
    order {
      id
      channelOrderId
    }
  }
`);

export const BuyerMessagesQuery = graphql(`
  query BuyerMessages($filter: BuyerMessageFilter, $first: Int, $after: String) {
    buyerMessages(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...BuyerMessageFields
        }
      }
    }
  }
`);

export const BuyerMessageCountsQuery = graphql(`
  query BuyerMessageCounts {
    buyerMessageCounts {
      open
      dueSoon
      overdue
    }
  }
`);

export const MarkBuyerMessageAnsweredMutation = graphql(`
  mutation MarkBuyerMessageAnswered($id: ID!, $note: String!) {
    markBuyerMessageAnswered(id: $id, note: $note) {
      ...BuyerMessageFields
    }
  }
`);

/** A message read from the mailbox, as evidence. */
export const MailMessageFieldsFragment = graphql(`
  fragment MailMessageFields on MailMessage {
    id
    mailboxId
    folder
    folderRole
    from
    fromName
    subject
    receivedAt
    kind
    outcome
    summary
    trackingNumbers
    orderNumbers
    reasons
    orders {
      id
      channel
      channelOrderId
    }
  }
`);

export const MailMessagesQuery = graphql(`
  query MailMessages($filter: MailMessageFilter, $first: Int, $after: String) {
    mailMessages(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...MailMessageFields
        }
      }
    }
  }
`);

/** The order page's Messages section: its buyer messages and the mail read about it. */
export const OrderMessagesQuery = graphql(`
  query OrderMessages($id: ID!) {
    order(id: $id) {
      id
      buyerMessages {
        ...BuyerMessageFields
      }
      mailMessages {
        ...MailMessageFields
      }
    }
  }
`);

/** The mailboxes' accounts' zones, for the mail read's dates. */
export const MessageAccountsQuery = graphql(`
  query MessageAccounts {
    channelAccounts {
      id
      channel
      name
      timeZone
    }
  }
`);

export type BuyerMessageRow = ResultOf<typeof BuyerMessageFieldsFragment>;
export type MailMessageRow = ResultOf<typeof MailMessageFieldsFragment>;
