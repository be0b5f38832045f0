import { Link } from 'react-router';
import { signOut } from '../../../lib/api';
import { useMe } from '../api/auth.hooks';

export function SessionHeader() {
  const me = useMe();
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        order-hub
      </Link>
      <div className="session">
        {me.data && (
          <>
            <span data-testid="session-name">{me.data.me.name}</span>
            <span className="role" data-testid="session-role">
              {me.data.me.role}
            </span>
          </>
        )}
        {me.isError && <span className="muted">session unknown</span>}
        <button type="button" onClick={signOut} data-testid="sign-out">
          Sign out
        </button>
      </div>
    </header>
  );
}
