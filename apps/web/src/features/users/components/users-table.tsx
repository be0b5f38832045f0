import { RelativeTime } from '@/components/relative-time';
import { formatActor } from '@/lib/actor-format';
import { useNow } from '@/lib/use-now';
import type { UserRow } from '../api/users.graphql';
import { userStatusWords } from '../lib/user-format';
import { UserRoleSelect } from './user-role-select';
import { UserRowActions } from './user-row-actions';

export function UsersTable({ users, selfId }: { users: readonly UserRow[]; selfId: string | null }) {
  const now = useNow(60_000);
  return (
    <div className="table-scroll">
      <table className="grid users-table stack-table" data-testid="users-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">MFA</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const isSelf = user.id === selfId;
            return (
              <tr key={user.id} data-testid="user-row" data-email={user.email}>
                <td data-label="Name" data-testid="user-name">
                  {user.name}
                  {isSelf && <span className="muted"> (you)</span>}
                  {user.createdBy && <div className="hint">invited by {formatActor(user.createdBy)}</div>}
                </td>
                <td data-label="E-mail" className="wrap-anywhere" data-testid="user-email">
                  {user.email}
                </td>
                <td data-label="Role">
                  <UserRoleSelect user={user} isSelf={isSelf} />
                </td>
                <td data-label="Status" data-testid="user-status">
                  <span className={`badge user-${user.status.toLowerCase()}`}>{userStatusWords(user.status)}</span>
                </td>
                <td data-label="MFA" data-testid="user-mfa">
                  {user.mfaEnabled ? 'On' : 'Off'}
                </td>
                <td data-label="Last sign-in">
                  <RelativeTime at={user.lastSignInAt} now={now} empty="never" testId="user-last-sign-in" />
                </td>
                <td data-label="Actions">
                  <UserRowActions user={user} isSelf={isSelf} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
