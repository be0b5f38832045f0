import type { ApiRole } from '@/gql/graphql';

export interface AccountPermissions {
  /** OPERATOR or ADMIN: may start a pull. */
  canSync: boolean;
  /** ADMIN: may add, edit and disable accounts. */
  canManage: boolean;
  /** Why "Sync now" is unavailable, for its title and the page's notice; null when it is available. */
  syncDeniedReason: string | null;
}

/** What the caller's role allows on this page, mirroring the api's @RequireRole on each mutation. */
export function accountPermissions(role: ApiRole | undefined): AccountPermissions {
  switch (role) {
    case 'ADMIN':
      return { canSync: true, canManage: true, syncDeniedReason: null };
    case 'OPERATOR':
      return { canSync: true, canManage: false, syncDeniedReason: null };
    case 'VIEWER':
      return {
        canSync: false,
        canManage: false,
        syncDeniedReason: 'Syncing needs the OPERATOR role; you are a VIEWER.',
      };
    case undefined:
      return { canSync: false, canManage: false, syncDeniedReason: 'Your role is not known yet.' };
  }
}
