import { formatDeadline, formatZonedDateTime, isPast } from '@/lib/format';

interface DeadlineProps {
  at: string | null | undefined;
  /** Only open orders show the distance to the deadline and turn red once it has passed. */
  open: boolean;
  /** The account's zone, named after the time. */
  timeZone?: string;
}

export function Deadline({ at, open, timeZone }: DeadlineProps) {
  if (!at) return <span className="muted">—</span>;
  const late = open && isPast(at);
  return (
    <span className={late ? 'deadline late' : 'deadline'} title={new Date(at).toISOString()}>
      {formatZonedDateTime(at, timeZone)}
      {open && <span className="relative"> · {formatDeadline(at)}</span>}
    </span>
  );
}
