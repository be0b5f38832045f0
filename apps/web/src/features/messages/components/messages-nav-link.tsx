import { NavLink } from 'react-router';
import { useBuyerMessageCounts } from '../api/messages.hooks';

/** The header link, with the number of buyer messages waiting for an answer (red when one is overdue). */
export function MessagesNavLink() {
  const counts = useBuyerMessageCounts();
  const waiting = counts.data ? counts.data.open + counts.data.dueSoon + counts.data.overdue : 0;
  const overdue = counts.data?.overdue ?? 0;
  return (
    <NavLink to="/messages" data-testid="nav-messages">
      Messages
      {waiting > 0 && (
        <span
          className={overdue > 0 ? 'count alert' : 'count'}
          aria-label={`${waiting} buyer messages waiting for an answer${overdue > 0 ? `, ${overdue} overdue` : ''}`}
          data-testid="nav-messages-count"
        >
          {waiting}
        </span>
      )}
    </NavLink>
  );
}
