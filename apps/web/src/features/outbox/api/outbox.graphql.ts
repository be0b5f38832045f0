import { graphql } from '@/gql';

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
