import { useState, type FormEvent } from 'react';
import { ErrorState } from '@/components/error-state';
import { OneTimeSecret } from '@/components/one-time-secret';
import { Dialog } from '@/components/dialog';
import { useUsers } from '@/features/users/api/users.hooks';
import { ROLE_HINTS, ROLES } from '@/features/users/lib/user-format';
import type { ApiRole } from '@/gql/graphql';
import { formErrorsOf } from '@/lib/field-errors';
import { useCreateApiToken } from '../api/api-tokens.hooks';
import { expiresAtOf, tomorrowInput } from '../lib/token-expiry';

const INPUTS = {
  'input.name': 'name',
  'input.role': 'role',
  'input.expiresAt': 'expiresAt',
  'input.userId': 'userId',
} as const;

/** A token for a machine: named, with a role, an optional expiry and optionally acting for a person. */
export function CreateTokenDialog({ onClose }: { onClose: () => void }) {
  const create = useCreateApiToken();
  const users = useUsers();
  const [name, setName] = useState('');
  const [role, setRole] = useState<ApiRole>('OPERATOR');
  const [expiry, setExpiry] = useState('');
  const [userId, setUserId] = useState('');
  const errors = formErrorsOf(create.error, INPUTS);
  const activeUsers = users.data?.users.filter((user) => user.status === 'ACTIVE') ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const expiresAt = expiresAtOf(expiry);
    create.mutate({
      name: name.trim(),
      role,
      ...(expiresAt && { expiresAt }),
      ...(userId && { userId }),
    });
  };
  const created = create.data?.createApiToken;

  return (
    <Dialog title="Create an API token" testId="token-dialog" onClose={onClose}>
      {created ? (
        <>
          <OneTimeSecret
            label={`Secret of “${created.apiToken.name}”`}
            value={created.token}
            testId="token-secret"
            hint="Copy it into the machine that uses it now: it is not shown again."
          />
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose} data-testid="token-done">
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <div className="form-grid">
            <label className="field">
              <span>Name</span>
              <input
                value={name}
                placeholder="warehouse scanner"
                onChange={(event) => setName(event.target.value)}
                aria-invalid={errors.fields.name ? true : undefined}
                data-testid="token-name"
              />
              {errors.fields.name && <span className="field-error">{errors.fields.name}</span>}
            </label>
            <label className="field">
              <span>Role</span>
              <select
                value={role}
                onChange={(event) => setRole(event.target.value as ApiRole)}
                data-testid="token-role"
              >
                {ROLES.map((option) => (
                  <option key={option} value={option}>
                    {ROLE_HINTS[option]}
                  </option>
                ))}
              </select>
              {errors.fields.role && <span className="field-error">{errors.fields.role}</span>}
            </label>
            <label className="field">
              <span>Expires at the end of (empty: never)</span>
              <input
                type="date"
                min={tomorrowInput()}
                value={expiry}
                onChange={(event) => setExpiry(event.target.value)}
                aria-invalid={errors.fields.expiresAt ? true : undefined}
                data-testid="token-expiry"
              />
              {errors.fields.expiresAt && <span className="field-error">{errors.fields.expiresAt}</span>}
            </label>
            <label className="field">
              <span>Acts for</span>
              <select value={userId} onChange={(event) => setUserId(event.target.value)} data-testid="token-user">
                <option value="">An integration (no person)</option>
                {activeUsers.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.name} ({user.email})
                  </option>
                ))}
              </select>
              {errors.fields.userId && <span className="field-error">{errors.fields.userId}</span>}
              <span className="hint">
                A person’s token never has more rights than they do, and stops when they are disabled.
              </span>
            </label>
          </div>
          {errors.form && <ErrorState title="Not created" error={errors.form} />}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="submit"
              className="primary"
              disabled={!name.trim() || create.isPending}
              data-testid="token-create"
            >
              {create.isPending ? 'Creating…' : 'Create token'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
