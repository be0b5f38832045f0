import { lockedUntilAfter } from './sign-in-backoff';

describe('lockedUntilAfter', () => {
  const at = new Date('2026-12-03T12:00:00Z');
  const minutesLocked = (failures: number) => {
    const until = lockedUntilAfter(failures, at);
    return until ? (until.getTime() - at.getTime()) / 60_000 : null;
  };

  it('does not lock before the 5th failure in a row', () => {
    expect([1, 2, 3, 4].map(minutesLocked)).toEqual([null, null, null, null]);
  });

  it('locks 1 minute at the 5th, doubling with each further failure, at most 1 hour', () => {
    expect([5, 6, 7, 8, 9, 10, 11, 12, 50, 10_000].map(minutesLocked)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
  });
});
