import { NavLink } from 'react-router';
import { useWaitingCount } from '../api/suppliers.hooks';

/** The header link, with the number of purchase orders still waiting for the supplier's tracking. */
export function SuppliersNavLink() {
  const waiting = useWaitingCount();
  const count = waiting.data ?? 0;
  return (
    <NavLink to="/suppliers" data-testid="nav-suppliers">
      Suppliers
      {count > 0 && (
        <span
          className="count"
          aria-label={`${count} waiting for the supplier's tracking`}
          data-testid="nav-suppliers-count"
        >
          {count}
        </span>
      )}
    </NavLink>
  );
}
