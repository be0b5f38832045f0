import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConfirmAction } from '@/components/confirm-action';
import { Loading } from '@/components/loading';
import { useRegenerateRecoveryCodes } from '../api/auth.hooks';
import { useSession, useSignOutEverywhere } from '../api/session.hooks';
import { OneTimeCodeField } from '../components/one-time-code-field';
import { RecoveryCodes } from '../components/recovery-codes';
import { formatDateTime } from '@/lib/format';
import { usePageTitle } from '@/lib/use-page-title';

/** `/account`: who I am, my two-factor sign-in, new recovery codes, and signing out everywhere. */
export function AccountPage() {
  usePageTitle('Your account');
  const session = useSession();
  if (!session.data) return <Loading />;
  const { user, expiresAt } = session.data;
  return (
    <section className="account-page" data-testid="account-page">
      <div className="page-head">
        <h1>My account</h1>
      </div>
      <section className="panel">
        <dl className="facts">
          <dt>Name</dt>
          <dd data-testid="account-name">{user.name}</dd>
          <dt>E-mail</dt>
          <dd data-testid="account-email">{user.email}</dd>
          <dt>Role</dt>
          <dd data-testid="account-role">{user.role}</dd>
          <dt>This session ends</dt>
          <dd>{expiresAt ? formatDateTime(expiresAt) : '—'} at the latest</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="account-mfa-title">
        <h2 id="account-mfa-title">Two-factor sign-in</h2>
        {user.mfaEnabled ? (
          <>
            <p data-testid="account-mfa-status">On: you sign in with a code from your authenticator app.</p>
            <RegenerateRecoveryCodes />
          </>
        ) : (
          <p data-testid="account-mfa-status">
            Off. <Link to="/mfa/enrol?next=%2Faccount">Set up two-factor sign-in</Link>
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby="account-sessions-title">
        <h2 id="account-sessions-title">Sessions</h2>
        <SignOutEverywhere />
      </section>
    </section>
  );
}

function RegenerateRecoveryCodes() {
  const regenerate = useRegenerateRecoveryCodes();
  const [code, setCode] = useState('');
  if (regenerate.isSuccess) {
    return <RecoveryCodes codes={regenerate.data.regenerateRecoveryCodes.codes} onDone={() => regenerate.reset()} />;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    regenerate.mutate(code, { onSuccess: () => setCode('') });
  };
  return (
    <form className="auth-form" onSubmit={submit} noValidate aria-label="New recovery codes">
      <p className="hint">New recovery codes replace all the old ones. Confirm with a code from your app.</p>
      <OneTimeCodeField
        id="regenerate-code"
        value={code}
        onChange={setCode}
        error={regenerate.isError ? regenerate.error.message : null}
      />
      <button type="submit" disabled={code.length !== 6 || regenerate.isPending} data-testid="regenerate-codes">
        {regenerate.isPending ? 'Working…' : 'Regenerate recovery codes'}
      </button>
    </form>
  );
}

function SignOutEverywhere() {
  const navigate = useNavigate();
  const everywhere = useSignOutEverywhere();
  return (
    <ConfirmAction
      label="Sign out everywhere"
      question="End every session of yours, in every browser, this one included?"
      confirmLabel="Sign out everywhere"
      pending={everywhere.isPending}
      error={null}
      onConfirm={() => everywhere.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) })}
      testId="sign-out-everywhere"
    />
  );
}
