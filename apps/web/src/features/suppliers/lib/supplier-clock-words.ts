import { supplierTrackingState } from '@order-hub/rules';
import type { SupplierTrackingState } from '@order-hub/types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type SupplierClockTone = 'ok' | 'warn' | 'alert' | 'done';

export interface SupplierClockWords {
  text: string;
  tone: SupplierClockTone;
  state: SupplierTrackingState | null;
}

const TONES: Record<SupplierTrackingState, SupplierClockTone> = {
  WAITING: 'ok',
  DUE_SOON: 'warn',
  MISSED: 'alert',
  ON_TIME: 'done',
  LATE: 'alert',
};

/** "40 min", "5 h", "3 d": minutes under an hour, hours under two days, else days. */
export function spanWords(ms: number): string {
  const distance = Math.abs(ms);
  if (distance < HOUR) return `${Math.max(1, Math.floor(distance / MINUTE))} min`;
  if (distance < 2 * DAY) return `${Math.floor(distance / HOUR)} h`;
  return `${Math.floor(distance / DAY)} d`;
}

/**
 * A purchase order's tracking clock in words, its state from the rules' supplier clock: "due in 5 h" (amber once due
 * soon), "missed 2 h ago" while the supplier has not sent tracking; "tracking on time" or "tracking 3 h late" once it came.
 */
export function supplierClockWords(
  dueAt: string | null | undefined,
  receivedAt: string | null | undefined,
  now: number,
): SupplierClockWords {
  if (!dueAt) {
    return receivedAt
      ? { text: 'tracking received', tone: 'done', state: null }
      : { text: 'no deadline (the order has no ship-by)', tone: 'ok', state: null };
  }
  const due = new Date(dueAt);
  const received = receivedAt ? new Date(receivedAt) : null;
  const state = supplierTrackingState(due, received, new Date(now));
  const tone = TONES[state];
  switch (state) {
    case 'ON_TIME':
      return { text: 'tracking on time', tone, state };
    case 'LATE':
      return { text: `tracking ${spanWords(received!.getTime() - due.getTime())} late`, tone, state };
    case 'MISSED':
      return { text: `missed ${spanWords(now - due.getTime())} ago`, tone, state };
    case 'WAITING':
    case 'DUE_SOON':
      return { text: `due in ${spanWords(due.getTime() - now)}`, tone, state };
  }
}
