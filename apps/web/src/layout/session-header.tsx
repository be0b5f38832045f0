import { Link, NavLink } from 'react-router';
import { AlertsNavLink } from '@/features/alerts/components/alerts-nav-link';
import { NeedsAttentionNavLink } from '@/features/orders/components/needs-attention-nav-link';
import type { SessionUser } from '@/features/auth/api/session.api';
import { UserMenu } from './user-menu';

export function SessionHeader({ user }: { user: SessionUser }) {
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
        {user.role === 'ADMIN' && (
          <NavLink to="/settings/users" data-testid="nav-users">
            Users
          </NavLink>
        )}
      </nav>
      <div className="session">
        <UserMenu user={user} />
      </div>
    </header>
  );
}
