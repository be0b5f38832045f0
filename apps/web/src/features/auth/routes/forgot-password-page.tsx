import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useRequestPasswordReset } from '../api/session.hooks';
import { AuthCard } from '../components/auth-card';
import { authErrorMessage } from '../lib/auth-error';
import { usePageTitle } from '@/lib/use-page-title';

const SENT =
  'If an active account uses this address, a link to choose a new password is on its way. It works once, for an hour.';

/** `/forgot-password`: asks for a reset e-mail; the answer never tells whether the address has an account. */
export function ForgotPasswordPage() {
  usePageTitle('Forgot password');
  const [email, setEmail] = useState('');
  const requestReset = useRequestPasswordReset();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    requestReset.mutate(email.trim());
  };
  return (
    <AuthCard title="Forgot password" testId="forgot-password-page">
      {requestReset.isSuccess ? (
        <p className="notice" role="status" data-testid="forgot-password-sent">
          {requestReset.data?.message ?? SENT}
        </p>
      ) : (
        <form className="auth-form" onSubmit={submit} noValidate>
          <div className="form-field">
            <label htmlFor="forgot-email">E-mail</label>
            <input
              id="forgot-email"
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              data-testid="forgot-password-email"
            />
          </div>
          {requestReset.isError && (
            <p className="field-error" role="alert">
              {authErrorMessage(requestReset.error)}
            </p>
          )}
          <button
            type="submit"
            className="primary"
            disabled={!email.trim() || requestReset.isPending}
            data-testid="forgot-password-submit"
          >
            {requestReset.isPending ? 'Sending…' : 'E-mail me a link'}
          </button>
        </form>
      )}
      <Link to="/sign-in">Back to sign-in</Link>
    </AuthCard>
  );
}
