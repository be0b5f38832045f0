import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const SkuBinsQuery = graphql(`
  query SkuBins($accountId: ID!, $first: Int, $after: String) {
    skuBins(accountId: $accountId, first: $first, after: $after) {
      totalCount
      edges {
        node {
          sku
          bin
          updatedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SetSkuBinsMutation = graphql(`
  mutation SetSkuBins($accountId: ID!, $rows: [SkuBinInput!]!) {
    setSkuBins(accountId: $accountId, rows: $rows) {
      set {
        sku
        bin
      }
      removed
    }
  }
`);

export type SkuBin = ResultOf<typeof SkuBinsQuery>['skuBins']['edges'][number]['node'];
