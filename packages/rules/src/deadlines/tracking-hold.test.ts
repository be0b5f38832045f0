import { policyFor } from '../policy/policy-table';
import { trackingHoldReleaseAt } from './tracking-hold';

describe('trackingHoldReleaseAt', () => {
  it.each(['WALMART', 'AMAZON'] as const)(
    'is ship-by less the policy margin on %s (2 hours, the hub default)',
    (channel) => {
      const shipBy = new Date('2026-12-03T18:00:00Z');
      const policy = policyFor(channel, 'US', new Date('2026-12-01T00:00:00Z'));
      expect(policy.holdTracking.releaseHoursBeforeShipBy).toBe(2);
      expect(trackingHoldReleaseAt(shipBy, policy).toISOString()).toBe('2026-12-03T16:00:00.000Z');
    },
  );

  it('follows the margin it is given', () => {
    const shipBy = new Date('2026-12-03T18:00:00Z');
    const at = trackingHoldReleaseAt(shipBy, { holdTracking: { releaseHoursBeforeShipBy: 5 } });
    expect(at.toISOString()).toBe('2026-12-03T13:00:00.000Z');
  });
});
