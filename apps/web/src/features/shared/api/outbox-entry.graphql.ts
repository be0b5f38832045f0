import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

/** A channel call as the order page, an action's outcome and the outbox queue show it. */
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

export type OutboxEntryView = ResultOf<typeof OutboxEntryFieldsFragment>;
