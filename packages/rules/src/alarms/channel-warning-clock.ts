import type { ChannelWarningState } from '@order-hub/types';

const HOUR_MS = 3_600_000;
/** Walmart performance warnings (and the Amazon notices the hub logs the same way) expect an answer within 24 h. */
export const CHANNEL_WARNING_RESPONSE_HOURS = 24;
/** An unanswered warning raises an alert when this little time is left. */
export const CHANNEL_WARNING_DUE_SOON_HOURS = 4;

export interface ChannelWarningClock {
  respondBy: Date;
  /** Time left until `respondBy` (negative once passed); null when answered. */
  msLeft: number | null;
  state: ChannelWarningState;
}

/** The response deadline of a warning received at `receivedAt`. */
export function channelWarningRespondBy(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + CHANNEL_WARNING_RESPONSE_HOURS * HOUR_MS);
}

/** Where a warning stands at `now`: answered, open, due soon (≤ 4 h left) or overdue (deadline reached). */
export function channelWarningClock(
  warning: { receivedAt: Date; respondedAt: Date | null },
  now: Date,
): ChannelWarningClock {
  const respondBy = channelWarningRespondBy(warning.receivedAt);
  if (warning.respondedAt) return { respondBy, msLeft: null, state: 'ANSWERED' };
  const msLeft = respondBy.getTime() - now.getTime();
  const state = msLeft <= 0 ? 'OVERDUE' : msLeft <= CHANNEL_WARNING_DUE_SOON_HOURS * HOUR_MS ? 'DUE_SOON' : 'OPEN';
  return { respondBy, msLeft, state };
}
