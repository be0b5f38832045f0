import type { Channel } from '@order-hub/types';

/** How long after ship-by a channel auto-cancels an unshipped line. */
export interface AutoCancelRule {
  days: number;
  /** CALENDAR counts every day; BUSINESS skips Saturdays and Sundays. */
  dayKind: 'CALENDAR' | 'BUSINESS';
}

export interface ChannelPolicy {
  channel: Channel;
  /** Stable id of this version, recorded with anything computed from it. */
  version: string;
  /** First instant (UTC) this version is in force. */
  effectiveFrom: Date;
  /** Hours after the order arrives by which it must be acknowledged; null where the channel has no acknowledgement. */
  acknowledgeWithinHours: number | null;
  autoCancel: AutoCancelRule | null;
  /** Where each number comes from, so a compliance owner can check it. */
  sources: string[];
}

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Versioned policy data, oldest first per channel. Marketplaces change these numbers (Walmart's auto-cancel
 * grace has changed twice), so anything computed for a past date must use the version in force then.
 */
export const POLICY_TABLE: readonly ChannelPolicy[] = [
  {
    channel: 'WALMART',
    version: 'walmart-2023-01',
    effectiveFrom: at('2023-01-01'),
    acknowledgeWithinHours: 4,
    autoCancel: { days: 6, dayKind: 'CALENDAR' },
    sources: [
      'ESD+6 in early 2023: ecommercebytes, 2023-05-27 (third-party); start date of this version not published, taken as 2023-01-01',
      'Acknowledge within 4 hours: developer.walmart.com/us-marketplace/docs/acknowledge-a-created-order',
    ],
  },
  {
    channel: 'WALMART',
    version: 'walmart-2023-06-06',
    effectiveFrom: at('2023-06-06'),
    acknowledgeWithinHours: 4,
    autoCancel: { days: 4, dayKind: 'CALENDAR' },
    sources: [
      'Auto-cancel at ESD + 4 calendar days from 2023-06-06: developer.walmart.com/us/whats-new/new-order-and-auto-cancelled-order-notifications/',
      'Acknowledge within 4 hours: developer.walmart.com/us-marketplace/docs/acknowledge-a-created-order',
    ],
  },
  {
    channel: 'AMAZON',
    version: 'amazon-2020-09-30',
    effectiveFrom: at('2020-09-30'),
    acknowledgeWithinHours: null,
    autoCancel: { days: 7, dayKind: 'BUSINESS' },
    sources: [
      'Auto-cancel 7 business days after ship-by since 2020-09-30: Amazon seller forum (EU) t/337189; US applicability unconfirmed',
    ],
  },
];

export class PolicyNotFoundError extends Error {
  constructor(channel: Channel, atDate: Date) {
    super(`No ${channel} policy is in force on ${atDate.toISOString()}`);
    this.name = 'PolicyNotFoundError';
  }
}

/**
 * The policy of a channel in force at a date. `marketplace` is accepted now so callers do not change
 * when per-marketplace tables arrive; only the US tables exist so far.
 */
export function policyFor(channel: Channel, _marketplace: string, atDate: Date): ChannelPolicy {
  let found: ChannelPolicy | undefined;
  for (const policy of POLICY_TABLE) {
    if (policy.channel === channel && policy.effectiveFrom.getTime() <= atDate.getTime()) {
      if (!found || policy.effectiveFrom > found.effectiveFrom) found = policy;
    }
  }
  if (!found) throw new PolicyNotFoundError(channel, atDate);
  return found;
}
