import type { RefundClockState } from '@order-hub/types';
import { formatZonedDateTime } from '@/lib/format';
import { clockTone } from '../lib/returns-format';

interface RefundClockBadgeProps {
  clock: { state: RefundClockState; dueAt?: string | null; label: string };
  /** The account's zone, for the due time in the tooltip. */
  timeZone?: string;
}

/** "Refund due in 5 h" in amber when 12 h or less are left, "Refund overdue by 3 h" in red; the due time in the tooltip. */
export function RefundClockBadge({ clock, timeZone }: RefundClockBadgeProps) {
  const tone = clockTone(clock.state);
  return (
    <span
      className={`refund-clock refund-clock-${tone}`}
      title={clock.dueAt ? `Due ${formatZonedDateTime(clock.dueAt, timeZone)}` : undefined}
      data-testid="refund-clock"
      data-state={clock.state}
    >
      {clock.label}
    </span>
  );
}
