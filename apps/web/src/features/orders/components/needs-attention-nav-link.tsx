import { NavLink } from 'react-router';
import { useNeedsAttentionCount } from '../api/orders.hooks';

/** The header link to the orders a channel refused a call of, with how many there are. */
export function NeedsAttentionNavLink() {
  const count = useNeedsAttentionCount();
  const refused = count.data ?? 0;
  return (
    <NavLink to="/?view=NEEDS_ATTENTION" data-testid="nav-needs-attention">
      Needs attention
      {refused > 0 && (
        <span
          className="count alert"
          aria-label={`${refused} orders with a call the channel refused`}
          data-testid="nav-needs-attention-count"
        >
          {refused}
        </span>
      )}
    </NavLink>
  );
}
