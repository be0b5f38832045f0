import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { useSignIn, useToken } from '../api/auth.hooks';

interface LoginLocationState {
  from?: string;
}

export function LoginPage() {
  const token = useToken();
  const from = (useLocation().state as LoginLocationState | null)?.from ?? '/';
  const [candidate, setCandidate] = useState('');
  const signIn = useSignIn();

  // Also the way out after a successful sign-in: storing the token re-renders this page.
  if (token) return <Navigate to={from} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(candidate.trim());
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit}>
        <h1>order-hub</h1>
        <label htmlFor="api-token">API token</label>
        <input
          id="api-token"
          type="password"
          autoComplete="off"
          autoFocus
          placeholder="oh_…"
          value={candidate}
          onChange={(event) => setCandidate(event.target.value)}
          data-testid="login-token"
        />
        <button type="submit" disabled={!candidate.trim() || signIn.isPending} data-testid="login-submit">
          {signIn.isPending ? 'Checking…' : 'Sign in'}
        </button>
        {signIn.isError && <ErrorState title="Sign-in failed" error={signIn.error} />}
        <p className="hint">
          The token is kept in this browser tab only. The first admin token is in <code>DATA_DIR/admin-token</code>.
        </p>
      </form>
    </main>
  );
}
