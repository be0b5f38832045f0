import { useState, type FormEvent } from 'react';
import { Dialog } from '@/components/dialog';
import { ErrorState } from '@/components/error-state';
import type { ApiRole } from '@/gql/graphql';
import { formErrorsOf } from '@/lib/field-errors';
import { useInviteUser } from '../api/users.hooks';
import { ROLE_HINTS, ROLES } from '../lib/user-format';
import { LinkResult } from './link-result';

const INPUTS = { 'input.email': 'email', 'input.name': 'name', 'input.role': 'role' } as const;

/** Invite someone by e-mail: the link is e-mailed when SMTP is set up, and shown here once either way. */
export function InviteUserDialog({ onClose }: { onClose: () => void }) {
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<ApiRole>('OPERATOR');
  const errors = formErrorsOf(invite.error, INPUTS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ email: email.trim(), name: name.trim(), role });
  };
  const result = invite.data?.inviteUser;

  return (
    <Dialog title="Invite a user" testId="invite-dialog" onClose={onClose}>
      {result ? (
        <>
          <LinkResult
            what="invitation"
            link={result.link}
            emailed={result.emailed}
            email={result.user.email}
            expiresAt={result.expiresAt}
          />
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose} data-testid="invite-done">
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <div className="form-grid">
            <label className="field">
              <span>E-mail</span>
              <input
                type="email"
                autoComplete="off"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                aria-invalid={errors.fields.email ? true : undefined}
                data-testid="invite-email"
              />
              {errors.fields.email && <span className="field-error">{errors.fields.email}</span>}
            </label>
            <label className="field">
              <span>Name</span>
              <input
                autoComplete="off"
                value={name}
                onChange={(event) => setName(event.target.value)}
                aria-invalid={errors.fields.name ? true : undefined}
                data-testid="invite-user-name"
              />
              {errors.fields.name && <span className="field-error">{errors.fields.name}</span>}
            </label>
            <label className="field">
              <span>Role</span>
              <select
                value={role}
                onChange={(event) => setRole(event.target.value as ApiRole)}
                data-testid="invite-role"
              >
                {ROLES.map((option) => (
                  <option key={option} value={option}>
                    {ROLE_HINTS[option]}
                  </option>
                ))}
              </select>
              {errors.fields.role && <span className="field-error">{errors.fields.role}</span>}
            </label>
          </div>
          {errors.form && <ErrorState title="Not invited" error={errors.form} />}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="submit"
              className="primary"
              disabled={!email.trim() || !name.trim() || invite.isPending}
              data-testid="invite-submit"
            >
              {invite.isPending ? 'Inviting…' : 'Invite'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
