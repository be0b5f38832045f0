/** Why a held channel confirmation went out: the parcel's first carrier scan, the deadline before ship-by, or an operator. */
export const TrackingHoldReleaseReason = {
  FIRST_SCAN: 'FIRST_SCAN',
  DEADLINE: 'DEADLINE',
  MANUAL: 'MANUAL',
} as const;
export type TrackingHoldReleaseReason = (typeof TrackingHoldReleaseReason)[keyof typeof TrackingHoldReleaseReason];
