import { ConfirmAction } from '@/components/confirm-action';
import { ErrorState } from '@/components/error-state';
import type { UserRow } from '../api/users.graphql';
import { useCreatePasswordResetLink, useDisableUser, useEnableUser, useResetUserMfa } from '../api/users.hooks';
import { LinkResult } from './link-result';

/** Disable or enable, reset MFA, and a password reset link; an admin's own row offers none that lock them out. */
export function UserRowActions({ user, isSelf }: { user: UserRow; isSelf: boolean }) {
  const disable = useDisableUser();
  const enable = useEnableUser();
  const resetMfa = useResetUserMfa();
  const resetLink = useCreatePasswordResetLink();
  const result = resetLink.data?.createPasswordResetLink;

  return (
    <div className="row-actions" data-testid="user-actions">
      {user.status === 'DISABLED' ? (
        <ConfirmAction
          label="Enable"
          question={
            <>
              Let <strong>{user.email}</strong> sign in again?
            </>
          }
          confirmLabel="Enable user"
          danger={false}
          pending={enable.isPending}
          error={enable.error}
          onCancel={() => enable.reset()}
          onConfirm={(done) => enable.mutate(user.id, { onSuccess: done })}
          testId="user-enable"
        />
      ) : (
        !isSelf && (
          <ConfirmAction
            label="Disable"
            question={
              <>
                Disable <strong>{user.email}</strong>? Their sessions and API tokens stop at once.
              </>
            }
            confirmLabel="Disable user"
            pending={disable.isPending}
            error={disable.error}
            onCancel={() => disable.reset()}
            onConfirm={(done) => disable.mutate(user.id, { onSuccess: done })}
            testId="user-disable"
          />
        )
      )}
      {user.mfaEnabled && !isSelf && (
        <ConfirmAction
          label="Reset MFA"
          question={
            <>
              Remove <strong>{user.email}</strong>’s authenticator and recovery codes? They set up a new one at their
              next sign-in, and their sessions end now.
            </>
          }
          confirmLabel="Reset MFA"
          pending={resetMfa.isPending}
          error={resetMfa.error}
          onCancel={() => resetMfa.reset()}
          onConfirm={(done) => resetMfa.mutate(user.id, { onSuccess: done })}
          testId="user-reset-mfa"
        />
      )}
      {user.status === 'ACTIVE' && (
        <button
          type="button"
          onClick={() => resetLink.mutate(user.id)}
          disabled={resetLink.isPending}
          data-testid="user-reset-link"
        >
          {resetLink.isPending ? 'Creating…' : 'Copy password reset link'}
        </button>
      )}
      {resetLink.isError && <ErrorState title="No reset link" error={resetLink.error} />}
      {result && (
        <LinkResult
          what="password reset"
          link={result.link}
          emailed={result.emailed}
          email={result.user.email}
          expiresAt={result.expiresAt}
        />
      )}
    </div>
  );
}
