/** Failures in a row before the account locks. */
export const FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 60 * 60_000;

/**
 * When an account that has just failed its `failures`-th sign-in in a row opens again: not locked below 5
 * failures; 1 minute at the 5th, doubling with each further failure, at most 1 hour.
 */
export function lockedUntilAfter(failures: number, at: Date): Date | null {
  if (failures < FAILURES_BEFORE_LOCK) return null;
  const doublings = Math.min(failures - FAILURES_BEFORE_LOCK, 10);
  return new Date(at.getTime() + Math.min(FIRST_LOCK_MS * 2 ** doublings, LONGEST_LOCK_MS));
}
