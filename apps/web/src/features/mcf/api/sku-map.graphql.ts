import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const McfSkuMappingsQuery = graphql(`
  query McfSkuMappings($mcfAccountId: ID, $search: String) {
    mcfSkuMappings(mcfAccountId: $mcfAccountId, search: $search) {
      id
      mcfAccountId
      sellerSku
      amazonSku
      updatedBy
      updatedAt
      mcfStock {
        units
        unavailable
        checkedAt
      }
    }
  }
`);

export const SetMcfSkuMappingsMutation = graphql(`
  mutation SetMcfSkuMappings($inputs: [McfSkuMappingInput!]!) {
    setMcfSkuMappings(inputs: $inputs) {
      id
      sellerSku
      amazonSku
    }
  }
`);

export const DeleteMcfSkuMappingMutation = graphql(`
  mutation DeleteMcfSkuMapping($id: ID!) {
    deleteMcfSkuMapping(id: $id)
  }
`);

export const McfQueueCountsQuery = graphql(`
  query McfQueueCounts {
    mcfQueueCounts {
      pending
      processing
      held
      shipped
      operator
    }
  }
`);

export type McfSkuMappingView = ResultOf<typeof McfSkuMappingsQuery>['mcfSkuMappings'][number];
