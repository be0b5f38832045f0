import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../../gql';

export const AlertFieldsFragment = graphql(`
  fragment AlertFields on Alert {
    id
    kind
    severity
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
  query Alerts($open: Boolean, $orderId: ID) {
    alerts(open: $open, orderId: $orderId) {
      ...AlertFields
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

export type AlertView = ResultOf<typeof AlertFieldsFragment>;
