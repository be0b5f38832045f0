import type { BuyerMessageState } from '@order-hub/types';
import type { ResponseClockRule } from '../policy/policy-table';

const HOUR_MS = 3_600_000;

export interface BuyerMessageClock {
  respondBy: Date;
  state: BuyerMessageState;
  /** Hours until `respondBy` at `now` (negative once passed; at the answer when answered), to one decimal. */
  hoursLeft: number;
}

/**
 * The response clock of a buyer message or a performance e-mail, counted in elapsed hours from receipt (weekends
 * included) by the policy's rule: answered, open, due soon (`warnHoursLeft` or less left) or overdue.
 */
export function buyerMessageClock(
  receivedAt: Date,
  policy: Pick<ResponseClockRule, 'respondWithinHours' | 'warnHoursLeft'>,
  answeredAt: Date | null,
  now: Date,
): BuyerMessageClock {
  const respondBy = new Date(receivedAt.getTime() + policy.respondWithinHours * HOUR_MS);
  const at = answeredAt ?? now;
  const hoursLeft = Math.round(((respondBy.getTime() - at.getTime()) / HOUR_MS) * 10) / 10;
  if (answeredAt) return { respondBy, state: 'ANSWERED', hoursLeft };
  const msLeft = respondBy.getTime() - now.getTime();
  const state: BuyerMessageState =
    msLeft <= 0 ? 'OVERDUE' : msLeft <= policy.warnHoursLeft * HOUR_MS ? 'DUE_SOON' : 'OPEN';
  return { respondBy, state, hoursLeft };
}
