import { CHANNELS } from '@order-hub/types';
import { NavLink } from 'react-router';
import { useReturnCounts } from '../api/returns.hooks';

/** The header link, with the number of received returns not refunded yet (red when any is overdue). */
export function ReturnsNavLink() {
  const counts = useReturnCounts(CHANNELS);
  const due = counts.data?.refundsDue ?? 0;
  const overdue = counts.data?.overdue ?? 0;
  return (
    <NavLink to="/returns" data-testid="nav-returns">
      Returns
      {due > 0 && (
        <span
          className={overdue > 0 ? 'count alert' : 'count'}
          aria-label={`${due} refunds due${overdue > 0 ? `, ${overdue} overdue` : ''}`}
          data-testid="nav-returns-count"
        >
          {due}
        </span>
      )}
    </NavLink>
  );
}
