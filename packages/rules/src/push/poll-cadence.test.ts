import { POLL_CADENCE_POLICY, PUSH_MISSED_GRACE_SECONDS, pollCadence } from './poll-cadence';

const now = new Date('2026-12-04T10:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const base = { normalIntervalSeconds: 60, pushActive: true, lastPushAt: ago(10), lastMissedAt: null, now };

describe('pollCadence', () => {
  it('reconciles at ten times the normal interval while pushes arrive', () => {
    expect(pollCadence(base)).toMatchObject({ mode: 'RECONCILE', intervalSeconds: 600 });
  });

  it('caps the reconciling interval at 15 minutes', () => {
    expect(pollCadence({ ...base, normalIntervalSeconds: 180 })).toMatchObject({
      mode: 'RECONCILE',
      intervalSeconds: 900,
    });
  });

  it('never polls more often than normal when the normal interval is above the cap', () => {
    expect(pollCadence({ ...base, normalIntervalSeconds: 1800 }).intervalSeconds).toBe(1800);
  });

  it('polls normally when pushes are off', () => {
    expect(pollCadence({ ...base, pushActive: false })).toMatchObject({ mode: 'NORMAL', intervalSeconds: 60 });
  });

  it('polls normally when no push ever arrived', () => {
    expect(pollCadence({ ...base, lastPushAt: null }).mode).toBe('NORMAL');
  });

  it.each([
    [29 * 60, 'RECONCILE'],
    [30 * 60, 'NORMAL'],
  ])('after %i s without a push the mode is %s', (seconds, mode) => {
    expect(pollCadence({ ...base, lastPushAt: ago(seconds) }).mode).toBe(mode);
  });

  it.each([
    [59 * 60, 'NORMAL'],
    [60 * 60, 'RECONCILE'],
  ])('a missed push found %i s ago gives %s', (seconds, mode) => {
    const cadence = pollCadence({ ...base, lastMissedAt: ago(seconds) });
    expect(cadence.mode).toBe(mode);
    if (mode === 'NORMAL') expect(cadence.reason).toMatch(/gap suspected/i);
  });

  it('states every figure with its source and an effective date', () => {
    const { effectiveFrom, ...figures } = POLL_CADENCE_POLICY;
    expect(effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const figure of Object.values(figures)) expect(figure.source.length).toBeGreaterThan(20);
    expect(PUSH_MISSED_GRACE_SECONDS).toBe(60);
  });
});
