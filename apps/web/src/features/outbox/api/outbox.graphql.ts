import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../../gql';

export const OutboxEntryFieldsFragment = graphql(`
  fragment OutboxEntryFields on OutboxEntry {
    id
    orderId
    shipmentId
    channel
    operation
    status
    payload
    attempts
    nextAttemptAt
    lastError
    lastErrorCode
    createdBy
    createdAt
    deliveredAt
    discardReason
    refusedAt
    refusal
    attemptLog {
      attempt
      startedAt
      durationMs
      responseStatus
      outcome
      error
    }
  }
`);

export const OutboxEntriesQuery = graphql(`
  query OutboxEntries($statuses: [OutboxStatus!], $first: Int, $after: String) {
    outboxEntries(statuses: $statuses, first: $first, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          ...OutboxEntryFields
        }
      }
    }
  }
`);

export const RetryOutboxEntryMutation = graphql(`
  mutation RetryOutboxEntry($id: ID!, $fix: OutboxFixInput) {
    retryOutboxEntry(id: $id, fix: $fix) {
      ...OutboxEntryFields
    }
  }
`);

export const DiscardOutboxEntryMutation = graphql(`
  mutation DiscardOutboxEntry($id: ID!, $reason: String!) {
    discardOutboxEntry(id: $id, reason: $reason) {
      ...OutboxEntryFields
    }
  }
`);

export type OutboxEntryView = ResultOf<typeof OutboxEntryFieldsFragment>;
export type OutboxAttemptView = OutboxEntryView['attemptLog'][number];
