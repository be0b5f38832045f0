import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      id
      name
      prefix
      role
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
      user {
        id
        email
        name
      }
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        id
        name
        prefix
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);

export type ApiTokenRow = ResultOf<typeof ApiTokensQuery>['apiTokens'][number];
