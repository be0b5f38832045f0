import type { BuyerMessageState } from '@order-hub/types';
import { formatZonedDateTime } from '@/lib/format';
import { clockTone, clockWords } from '../lib/message-words';

interface BuyerMessageClockProps {
  clock: { state: BuyerMessageState; hoursLeft?: number | null; respondBy: string };
  timeZone?: string;
}

/** "answer within 11 h" (amber when due soon), "overdue by 3 h" in red, "answered"; the deadline in the tooltip. */
export function BuyerMessageClock({ clock, timeZone }: BuyerMessageClockProps) {
  return (
    <span
      className={`message-clock message-clock-${clockTone(clock.state)}`}
      title={`Answer by ${formatZonedDateTime(clock.respondBy, timeZone)}`}
      data-testid="buyer-message-clock"
      data-state={clock.state}
    >
      {clockWords(clock)}
    </span>
  );
}
