import type { PollMode } from '@order-hub/types';

/** One figure of the reconciliation policy, with where it comes from. */
export interface CadenceFigure {
  value: number;
  source: string;
}

/**
 * How polling backs off while an account's pushes arrive, and when it returns to the normal cadence. These are the
 * hub's own choices (no channel publishes them); each says why. Effective 2026-12-04 (issue 20).
 */
export const POLL_CADENCE_POLICY = {
  effectiveFrom: '2026-12-04',
  reconcileFactor: {
    value: 10,
    source:
      'While pushes arrive, a poll only reconciles what a lost push missed: ten times the normal interval keeps a lost ' +
      "order's delay within minutes while saving nine in ten list calls (Amazon's searchOrders budget).",
  },
  reconcileCapSeconds: {
    value: 15 * 60,
    source: 'A lost push is found within 15 minutes at most, well inside the channels’ acknowledge and ship windows.',
  },
  quietWindowSeconds: {
    value: 30 * 60,
    source:
      'Thirty minutes without any push on an account that usually gets them suggests the subscription stopped ' +
      'delivering: poll at the normal cadence until pushes come back.',
  },
  gapWindowSeconds: {
    value: 60 * 60,
    source: 'A poll found an order no push announced in the last hour: pushes are being lost, poll normally.',
  },
  missedGraceSeconds: {
    value: 60,
    source:
      'A push and a poll may cross: an order a poll found counts as missed only when no push named it within a minute.',
  },
} as const satisfies Record<string, CadenceFigure | string>;

/** How long after a poll found an order a push may still name it before it counts as a missed push. */
export const PUSH_MISSED_GRACE_SECONDS = POLL_CADENCE_POLICY.missedGraceSeconds.value;

export interface PollCadenceInput {
  /** The account's normal poll interval (without pushes). */
  normalIntervalSeconds: number;
  /** Whether the account's push subscription is ACTIVE. */
  pushActive: boolean;
  /** When the last push for the account was received. */
  lastPushAt: Date | null;
  /** When a poll last found an order no push announced (counted as missed). */
  lastMissedAt: Date | null;
  now: Date;
}

export interface PollCadence {
  mode: PollMode;
  intervalSeconds: number;
  /** In words, for the sync state. */
  reason: string;
}

/** The poll interval for an account: slower reconciliation while its pushes arrive, normal otherwise. */
export function pollCadence(input: PollCadenceInput): PollCadence {
  const { normalIntervalSeconds: normal, pushActive, lastPushAt, lastMissedAt, now } = input;
  const p = POLL_CADENCE_POLICY;
  const ageSeconds = (at: Date) => (now.getTime() - at.getTime()) / 1000;
  const normalMode = (reason: string): PollCadence => ({ mode: 'NORMAL', intervalSeconds: normal, reason });
  if (!pushActive) return normalMode('Pushes are off: polling is how new orders arrive.');
  if (lastMissedAt && ageSeconds(lastMissedAt) < p.gapWindowSeconds.value)
    return normalMode('Gap suspected: a poll found an order no push announced in the last hour.');
  if (!lastPushAt || ageSeconds(lastPushAt) >= p.quietWindowSeconds.value)
    return normalMode('No push received in the last 30 minutes: polling at the normal cadence.');
  const intervalSeconds = Math.max(normal, Math.min(normal * p.reconcileFactor.value, p.reconcileCapSeconds.value));
  return {
    mode: 'RECONCILE',
    intervalSeconds,
    reason: 'Pushes are arriving: polling only reconciles what a lost push missed.',
  };
}
