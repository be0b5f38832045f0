import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuthOptions, useSession, useSignIn } from '../api/session.hooks';
import { AuthCard } from '../components/auth-card';
import { authErrorMessage } from '../lib/auth-error';
import { pathAfterSignIn, safeNext } from '../lib/next-path';
import { usePageTitle } from '@/lib/use-page-title';

/** `/sign-in`: e-mail and password, the SSO button when an issuer is configured, "Forgot password?" with SMTP. */
export function SignInPage() {
  usePageTitle('Sign in');
  const [params] = useSearchParams();
  const next = params.get('next');
  const ssoError = params.get('error');
  const navigate = useNavigate();
  const session = useSession();
  const options = useAuthOptions();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  // A new tab of a signed-in browser lands here only by a link: it has nothing to do.
  if (session.data?.status === 'SIGNED_IN' && signIn.isIdle) return <Navigate to={safeNext(next)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email: email.trim(), password },
      { onSuccess: (result) => void navigate(pathAfterSignIn(result.status, next), { replace: true }) },
    );
  };
  const sso = options.data?.sso;

  return (
    <AuthCard title="Sign in" testId="sign-in-page">
      {ssoError && (
        <p className="notice bad" role="alert" data-testid="sign-in-sso-error">
          {ssoError.slice(0, 300)}
        </p>
      )}
      <form className="auth-form" onSubmit={submit} noValidate>
        <div className="form-field">
          <label htmlFor="sign-in-email">E-mail</label>
          <input
            id="sign-in-email"
            type="email"
            autoComplete="username"
            autoFocus
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            data-testid="sign-in-email"
          />
        </div>
        <div className="form-field">
          <label htmlFor="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="sign-in-password"
          />
        </div>
        {signIn.isError && (
          <p className="field-error" role="alert" data-testid="sign-in-error">
            {authErrorMessage(signIn.error)}
          </p>
        )}
        <button
          type="submit"
          className="primary"
          disabled={!email.trim() || !password || signIn.isPending}
          data-testid="sign-in-submit"
        >
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {options.data?.passwordReset && (
        <Link to="/forgot-password" data-testid="sign-in-forgot">
          Forgot password?
        </Link>
      )}
      {sso && (
        <>
          <p className="or-line" aria-hidden="true">
            or
          </p>
          <a
            className="button"
            href={`/auth/oidc/start?returnTo=${encodeURIComponent(safeNext(next))}`}
            data-testid="sign-in-sso"
          >
            {sso.label}
          </a>
        </>
      )}
      <p className="hint">
        New here? Sign in from the invitation link an admin sent you. The first admin’s link is printed when the hub
        first starts.
      </p>
    </AuthCard>
  );
}
