import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const RoutingRuleFieldsFragment = graphql(`
  fragment RoutingRuleFields on RoutingRule {
    id
    name
    accountId
    mcfAccountId
    enabled
    priority
    skus
    skuPattern
    countries
    requireStock
    applyOnImport
    routedOrders
  }
`);

export const RoutingRulesQuery = graphql(`
  query RoutingRules($accountId: ID) {
    routingRules(accountId: $accountId) {
      ...RoutingRuleFields
    }
  }
`);

export const SaveRoutingRuleMutation = graphql(`
  mutation SaveRoutingRule($input: RoutingRuleInput!, $id: ID) {
    saveRoutingRule(input: $input, id: $id) {
      ...RoutingRuleFields
    }
  }
`);

export const DeleteRoutingRuleMutation = graphql(`
  mutation DeleteRoutingRule($id: ID!) {
    deleteRoutingRule(id: $id)
  }
`);

export const PreviewRoutingRuleQuery = graphql(`
  query PreviewRoutingRule($input: RoutingRuleInput!) {
    previewRoutingRule(input: $input) {
      id
      channelOrderId
      orderedAt
      shipBy
      status
      shipTo {
        name
        countryCode
      }
      lines {
        id
        sku
        quantityOrdered
      }
    }
  }
`);

export type RoutingRuleView = ResultOf<typeof RoutingRuleFieldsFragment>;
export type PreviewOrderView = ResultOf<typeof PreviewRoutingRuleQuery>['previewRoutingRule'][number];
