import { Link, NavLink } from 'react-router';
import { signOut } from '@/lib/api';
import { AlertsNavLink } from '@/features/alerts/components/alerts-nav-link';
import { NeedsAttentionNavLink } from '@/features/orders/components/needs-attention-nav-link';
import { useMe } from '@/features/auth/api/auth.hooks';

export function SessionHeader() {
  const me = useMe();
  return (
    <header className="app-header">
      <nav className="app-nav">
        <Link to="/" className="brand">
          order-hub
        </Link>
        <NavLink to="/" end data-testid="nav-inbox">
          Inbox
        </NavLink>
        <NeedsAttentionNavLink />
        <NavLink to="/outbox" data-testid="nav-outbox">
          Outbox
        </NavLink>
        <NavLink to="/mcf" data-testid="nav-mcf">
          MCF
        </NavLink>
        <AlertsNavLink />
        <NavLink to="/compliance" data-testid="nav-compliance">
          Compliance
        </NavLink>
        <NavLink to="/shipments/upload" data-testid="nav-upload">
          Upload shipments
        </NavLink>
        <NavLink to="/settings/accounts" data-testid="nav-accounts">
          Accounts
        </NavLink>
        <NavLink to="/settings/routing" data-testid="nav-routing">
          Routing
        </NavLink>
      </nav>
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
