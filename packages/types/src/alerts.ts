/** How urgent an alert is. CRITICAL is reached only by escalation (a held MCF package whose ship-by is near). */
export const AlertSeverity = {
  LOW: 'LOW',
  MEDIUM: 'MEDIUM',
  HIGH: 'HIGH',
  CRITICAL: 'CRITICAL',
} as const;
export type AlertSeverity = (typeof AlertSeverity)[keyof typeof AlertSeverity];

/** Where an alert stands: open and not yet seen, acknowledged by an operator (still open), or resolved. */
export const AlertStatus = {
  OPEN: 'OPEN',
  ACKNOWLEDGED: 'ACKNOWLEDGED',
  RESOLVED: 'RESOLVED',
} as const;
export type AlertStatus = (typeof AlertStatus)[keyof typeof AlertStatus];

/** Where a warning the seller received from a channel stands against its 24-hour response clock. */
export const ChannelWarningState = {
  OPEN: 'OPEN',
  /** Unanswered, with 4 hours or less left. */
  DUE_SOON: 'DUE_SOON',
  OVERDUE: 'OVERDUE',
  ANSWERED: 'ANSWERED',
} as const;
export type ChannelWarningState = (typeof ChannelWarningState)[keyof typeof ChannelWarningState];
