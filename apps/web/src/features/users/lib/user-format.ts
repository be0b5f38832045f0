import type { UserStatus } from '@/gql/graphql';

export const ROLES = ['VIEWER', 'OPERATOR', 'ADMIN'] as const;

/** What each role may do, for the role pickers. */
export const ROLE_HINTS: Record<(typeof ROLES)[number], string> = {
  VIEWER: 'Viewer: reads orders and reports',
  OPERATOR: 'Operator: also ships, cancels, refunds, acknowledges',
  ADMIN: 'Admin: also manages accounts, users, tokens and security',
};

export function userStatusWords(status: UserStatus): string {
  switch (status) {
    case 'ACTIVE':
      return 'Active';
    case 'INVITED':
      return 'Invited';
    case 'DISABLED':
      return 'Disabled';
  }
}
