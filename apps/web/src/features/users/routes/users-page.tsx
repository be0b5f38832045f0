import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { useMe } from '@/features/auth/api/auth.hooks';
import { AdminOnly } from '@/features/auth/components/admin-only';
import { AdminSettingsNav } from '@/layout/admin-settings-nav';
import { useUsers } from '../api/users.hooks';
import { InviteUserDialog } from '../components/invite-user-dialog';
import { UsersTable } from '../components/users-table';
import { usePageTitle } from '@/lib/use-page-title';

/** `/settings/users` (ADMIN): who can sign in, with which role, and their two-factor sign-in. */
export function UsersPage() {
  usePageTitle('Users');
  return (
    <section className="users-page" data-testid="users-page">
      <div className="page-head">
        <h1>Users</h1>
      </div>
      <AdminSettingsNav />
      <AdminOnly can="manage users">
        <UsersPanel />
      </AdminOnly>
    </section>
  );
}

function UsersPanel() {
  const selfId = useMe().data?.me.user?.id ?? null;
  const users = useUsers();
  const [inviting, setInviting] = useState(false);
  return (
    <>
      <div className="action-bar">
        <button type="button" className="primary" onClick={() => setInviting(true)} data-testid="invite-user">
          Invite a user
        </button>
        <span className="hint">Each person signs in as themselves: shared logins are what Amazon forbids.</span>
      </div>
      {users.isPending ? (
        <Loading label="Loading users…" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <UsersTable users={users.data.users} selfId={selfId} />
      )}
      {inviting && <InviteUserDialog onClose={() => setInviting(false)} />}
    </>
  );
}
