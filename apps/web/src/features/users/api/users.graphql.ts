import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '@/gql';

export const UsersQuery = graphql(`
  query Users {
    users {
      id
      email
      name
      role
      status
      createdAt
      createdBy
      lastSignInAt
      mfaEnabled
    }
  }
`);

export const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      link
      emailed
      expiresAt
      user {
        id
        email
        name
        role
        status
        createdAt
        createdBy
        lastSignInAt
        mfaEnabled
      }
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      name
      role
    }
  }
`);

export const DisableUserMutation = graphql(`
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) {
      id
      status
    }
  }
`);

export const EnableUserMutation = graphql(`
  mutation EnableUser($id: ID!) {
    enableUser(id: $id) {
      id
      status
    }
  }
`);

export const ResetUserMfaMutation = graphql(`
  mutation ResetUserMfa($id: ID!) {
    resetUserMfa(id: $id) {
      id
      mfaEnabled
    }
  }
`);

export const CreatePasswordResetLinkMutation = graphql(`
  mutation CreatePasswordResetLink($userId: ID!) {
    createPasswordResetLink(userId: $userId) {
      link
      emailed
      expiresAt
      user {
        id
        email
      }
    }
  }
`);

export type UserRow = ResultOf<typeof UsersQuery>['users'][number];
