import { NavLink } from 'react-router';

/** The admin pages about people and access, one click apart. */
export function AdminSettingsNav() {
  return (
    <nav className="sub-nav" aria-label="Access settings">
      <NavLink to="/settings/users" data-testid="settings-nav-users">
        Users
      </NavLink>
      <NavLink to="/settings/api-tokens" data-testid="settings-nav-api-tokens">
        API tokens
      </NavLink>
      <NavLink to="/settings/security" data-testid="settings-nav-security">
        Security
      </NavLink>
      <NavLink to="/settings/buyer-data-access" data-testid="settings-nav-buyer-data">
        Buyer data access
      </NavLink>
    </nav>
  );
}
