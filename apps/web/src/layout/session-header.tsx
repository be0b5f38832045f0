import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { AlertsNavLink } from '@/features/alerts/components/alerts-nav-link';
import { ReturnsNavLink } from '@/features/returns/components/returns-nav-link';
import { MessagesNavLink } from '@/features/messages/components/messages-nav-link';
import { SuppliersNavLink } from '@/features/suppliers/components/suppliers-nav-link';
import { NeedsAttentionNavLink } from '@/features/orders/components/needs-attention-nav-link';
import type { SessionUser } from '@/features/auth/api/session.api';
import { UserMenu } from './user-menu';

/**
 * The console's header. On a narrow screen the links fold behind a Menu button (aria-expanded); the menu closes on
 * Escape (focus back on the button) and when a link is followed.
 */
export function SessionHeader({ user }: { user: SessionUser }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <header className={menuOpen ? 'app-header menu-open' : 'app-header'}>
      <Link to="/" className="brand">
        order-hub
      </Link>
      <button
        ref={menuButton}
        type="button"
        className="menu-button"
        aria-expanded={menuOpen}
        aria-controls="app-nav"
        onClick={() => setMenuOpen((open) => !open)}
        data-testid="menu-button"
      >
        Menu
      </button>
      <nav
        id="app-nav"
        className="app-nav"
        aria-label="Main"
        onClick={(event) => {
          if ((event.target as HTMLElement).closest('a')) setMenuOpen(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && menuOpen) {
            setMenuOpen(false);
            menuButton.current?.focus();
          }
        }}
        data-testid="app-nav"
      >
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
        <ReturnsNavLink />
        <SuppliersNavLink />
        <MessagesNavLink />
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
        <NavLink to="/settings/mailbox" data-testid="nav-mailbox">
          Mailbox
        </NavLink>
        <NavLink to="/settings/notifications" data-testid="nav-notifications">
          Notifications
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
