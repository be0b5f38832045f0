import type { ApiRole } from '@/gql/graphql';

/** Why order actions are unavailable to this role (null when they are), mirroring the api's @RequireRole. */
export function actionDeniedReason(role: ApiRole | undefined): string | null {
  switch (role) {
    case 'ADMIN':
    case 'OPERATOR':
      return null;
    case 'VIEWER':
      return 'Order actions need the OPERATOR role; you are a VIEWER.';
    case undefined:
      return 'Your role is not known yet.';
  }
}
