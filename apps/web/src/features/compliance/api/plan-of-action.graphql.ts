import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const PlanOfActionFieldsFragment = graphql(`
  fragment PlanOfActionFields on PlanOfAction {
    channel
    accountId
    metric
    category
    windowEnd
    affectedOrders
    causes {
      cause
      reason
      orderCount
      channelOrderIds
      firstAt
      lastAt
      maxLateHours
    }
    controls {
      code
      description
    }
    draft {
      rootCause
      correctiveActions
      preventiveMeasures
    }
    saved {
      rootCause
      correctiveActions
      preventiveMeasures
      updatedBy
      updatedAt
    }
  }
`);

export const PlanOfActionQuery = graphql(`
  query PlanOfAction(
    $channel: Channel!
    $accountId: ID
    $metric: ComplianceMetricKey!
    $category: String
    $windowEnd: DateTime
  ) {
    planOfAction(
      channel: $channel
      accountId: $accountId
      metric: $metric
      category: $category
      windowEnd: $windowEnd
    ) {
      ...PlanOfActionFields
    }
  }
`);

export const SavePlanOfActionMutation = graphql(`
  mutation SavePlanOfAction($input: PlanOfActionInput!) {
    savePlanOfAction(input: $input) {
      ...PlanOfActionFields
    }
  }
`);

export type PlanOfActionView = ResultOf<typeof PlanOfActionFieldsFragment>;
