import { POLICY_TABLE } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { BadUserInputError } from 'src/common/errors/app-error';

/** When the first policy the hub knows for the channel took effect; null when it knows none. */
export function firstPolicyFrom(channel: Channel): Date | null {
  const dates = POLICY_TABLE.filter((p) => p.channel === channel).map((p) => p.effectiveFrom.getTime());
  return dates.length ? new Date(Math.min(...dates)) : null;
}

/** The rule `at` breaks when no policy of the channel is in force then (reports before it cannot be measured). */
export function policyDateProblem(channel: Channel, at: Date): string | null {
  const first = firstPolicyFrom(channel);
  if (first && at.getTime() >= first.getTime()) return null;
  return first
    ? `must be on or after ${first.toISOString()}, when the first ${channel} policy the hub knows took effect.`
    : `must be a date when a ${channel} policy is in force; the hub knows none.`;
}

/** Refuses a report or plan date before the channel's first policy as BAD_USER_INPUT naming `field`. */
export function assertPolicyInForce(channel: Channel, at: Date, field: string): void {
  const problem = policyDateProblem(channel, at);
  if (problem) throw new BadUserInputError(field, problem);
}
