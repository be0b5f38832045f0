import { graphql } from '@/gql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      prefix
      role
      expiresAt
    }
  }
`);
