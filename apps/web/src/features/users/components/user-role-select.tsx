import { ErrorState } from '@/components/error-state';
import type { ApiRole } from '@/gql/graphql';
import type { UserRow } from '../api/users.graphql';
import { useUpdateUser } from '../api/users.hooks';
import { ROLES } from '../lib/user-format';

/** Changes the role at once; an admin cannot change their own, so an admin always remains. */
export function UserRoleSelect({ user, isSelf }: { user: UserRow; isSelf: boolean }) {
  const update = useUpdateUser();
  return (
    <>
      <select
        aria-label={`Role of ${user.email}`}
        value={user.role}
        disabled={isSelf || update.isPending || user.status === 'DISABLED'}
        title={isSelf ? 'You cannot change your own role.' : undefined}
        onChange={(event) => update.mutate({ id: user.id, input: { role: event.target.value as ApiRole } })}
        data-testid="user-role"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      {update.isError && <ErrorState title="Role not changed" error={update.error} />}
    </>
  );
}
