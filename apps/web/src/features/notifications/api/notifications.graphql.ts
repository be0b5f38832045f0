import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const NotificationRuleFieldsFragment = graphql(`
  fragment NotificationRuleFields on NotificationRule {
    id
    name
    enabled
    kinds
    minSeverity
    channel
    accountId
    accountName
    emails
    userIds
    people {
      id
      name
      email
    }
    webhookUrl
    hasWebhookSecret
    mode
    digestHour
    quietFrom
    quietTo
    timeZone
  }
`);

export const NotificationDeliveryFieldsFragment = graphql(`
  fragment NotificationDeliveryFields on NotificationDelivery {
    id
    ruleId
    ruleName
    kind
    alertId
    digestDate
    targetKind
    target
    summary
    status
    attempts
    nextAttemptAt
    lastError
    responseStatus
    sentAt
    createdAt
  }
`);

/** The page's rules, the kinds a rule may pick in words, and the accounts it may be narrowed to. */
export const NotificationSettingsQuery = graphql(`
  query NotificationSettings {
    notificationRules {
      ...NotificationRuleFields
    }
    notificationAlertKinds {
      kind
      label
    }
    channelAccounts {
      id
      name
      channel
      timeZone
    }
  }
`);

/** The people a rule may write to (admins list users; the page is an admin's). */
export const NotificationPeopleQuery = graphql(`
  query NotificationPeople {
    users {
      id
      name
      email
      status
    }
  }
`);

export const NotificationDeliveriesQuery = graphql(`
  query NotificationDeliveries($filter: NotificationDeliveryFilter, $first: Int, $after: String) {
    notificationDeliveries(filter: $filter, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...NotificationDeliveryFields
        }
      }
    }
  }
`);

export const CreateNotificationRuleMutation = graphql(`
  mutation CreateNotificationRule($input: NotificationRuleInput!) {
    createNotificationRule(input: $input) {
      rule {
        ...NotificationRuleFields
      }
      webhookSecret
    }
  }
`);

export const UpdateNotificationRuleMutation = graphql(`
  mutation UpdateNotificationRule($id: ID!, $input: NotificationRuleInput!) {
    updateNotificationRule(id: $id, input: $input) {
      rule {
        ...NotificationRuleFields
      }
      webhookSecret
    }
  }
`);

export const RemoveNotificationRuleMutation = graphql(`
  mutation RemoveNotificationRule($id: ID!) {
    removeNotificationRule(id: $id)
  }
`);

export const TestNotificationRuleMutation = graphql(`
  mutation TestNotificationRule($id: ID!) {
    testNotificationRule(id: $id) {
      ...NotificationDeliveryFields
    }
  }
`);

export type NotificationRuleRow = ResultOf<typeof NotificationRuleFieldsFragment>;
export type NotificationDeliveryRow = ResultOf<typeof NotificationDeliveryFieldsFragment>;
