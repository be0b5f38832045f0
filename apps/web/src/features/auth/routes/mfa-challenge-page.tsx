import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '@/components/loading';
import { useSecondFactor, useSession } from '../api/session.hooks';
import { AuthCard } from '../components/auth-card';
import { OneTimeCodeField } from '../components/one-time-code-field';
import { authErrorMessage } from '../lib/auth-error';
import { pathAfterSignIn, signInPath } from '../lib/next-path';
import { usePageTitle } from '@/lib/use-page-title';

/** `/sign-in/mfa`: the second factor after the password, a code from the app or a recovery code. */
export function MfaChallengePage() {
  usePageTitle('Second factor');
  const [params] = useSearchParams();
  const next = params.get('next');
  const navigate = useNavigate();
  const session = useSession();
  const secondFactor = useSecondFactor();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');

  if (session.isPending) return <Loading label="Checking your session…" />;
  if (!session.data) return <Navigate to={signInPath(next ?? '/')} replace />;
  if (session.data.status !== 'MFA_REQUIRED' && secondFactor.isIdle) {
    return <Navigate to={pathAfterSignIn(session.data.status, next)} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    secondFactor.mutate(code.trim(), {
      onSuccess: (result) => void navigate(pathAfterSignIn(result.status, next), { replace: true }),
    });
  };
  const toggle = () => {
    setRecovery(!recovery);
    setCode('');
    secondFactor.reset();
  };
  const ready = recovery ? code.trim().length > 0 : code.length === 6;

  return (
    <AuthCard title="Two-factor sign-in" testId="mfa-challenge-page">
      <p className="hint">
        Signed in as <strong>{session.data.user.email}</strong>.{' '}
        {recovery
          ? 'Enter one of the recovery codes you saved; each works once.'
          : 'Open your authenticator app and enter the 6-digit code for order-hub.'}
      </p>
      <form className="auth-form" onSubmit={submit} noValidate>
        <OneTimeCodeField
          value={code}
          onChange={setCode}
          recovery={recovery}
          error={secondFactor.isError ? authErrorMessage(secondFactor.error) : null}
        />
        <button type="submit" className="primary" disabled={!ready || secondFactor.isPending} data-testid="mfa-submit">
          {secondFactor.isPending ? 'Checking…' : 'Continue'}
        </button>
      </form>
      <button type="button" className="link-button" onClick={toggle} data-testid="mfa-use-recovery">
        {recovery ? 'Use the authenticator app' : 'Use a recovery code'}
      </button>
    </AuthCard>
  );
}
