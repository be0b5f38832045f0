import { POLICY_TABLE, PolicyNotFoundError, policyFor, type PerformanceMetric } from './policy-table';

describe('policyFor', () => {
  it.each([
    ['WALMART', '2017-01-01T00:00:00Z', 'walmart-2017-01-01', 4],
    ['WALMART', '2019-06-01T00:00:00Z', 'walmart-2017-01-01', 4],
    ['WALMART', '2020-03-19T23:59:59Z', 'walmart-2017-01-01', 4],
    ['WALMART', '2020-03-20T00:00:00Z', 'walmart-2020-03-20', 8],
    ['WALMART', '2022-12-31T23:59:59Z', 'walmart-2020-03-20', 8],
    ['WALMART', '2023-03-15T12:00:00Z', 'walmart-2023-01', 6],
    ['WALMART', '2023-06-05T23:59:59Z', 'walmart-2023-01', 6],
    ['WALMART', '2023-06-06T00:00:00Z', 'walmart-2023-06-06', 4],
    ['WALMART', '2026-01-28T23:59:59Z', 'walmart-2023-06-06', 4],
    ['WALMART', '2026-01-29T00:00:00Z', 'walmart-2026-01-29', 4],
    ['WALMART', '2026-11-22T00:00:00Z', 'walmart-2026-01-29', 4],
    ['AMAZON', '2016-10-11T23:59:59Z', 'amazon-2015-01-01', undefined],
    ['AMAZON', '2016-10-12T00:00:00Z', 'amazon-2016-10-12', undefined],
    ['AMAZON', '2020-09-30T00:00:00Z', 'amazon-2020-09-30', 7],
    ['AMAZON', '2025-01-14T23:59:59Z', 'amazon-2020-09-30', 7],
    ['AMAZON', '2026-11-22T00:00:00Z', 'amazon-2025-01-15', 7],
  ] as const)('%s on %s is %s (auto-cancel after %s days)', (channel, iso, version, days) => {
    const policy = policyFor(channel, 'US', new Date(iso));
    expect(policy.version).toBe(version);
    expect(policy.autoCancel?.days).toBe(days);
  });

  it.each([
    ['WALMART', '2016-12-31T23:59:59Z'],
    ['AMAZON', '2014-06-01T00:00:00Z'],
  ] as const)('refuses %s on %s, before any version', (channel, iso) => {
    expect(() => policyFor(channel, 'US', new Date(iso))).toThrow(PolicyNotFoundError);
  });

  it('keeps a source on every version and every threshold, and unique version ids', () => {
    for (const policy of POLICY_TABLE) {
      expect(policy.sources.length).toBeGreaterThan(0);
      for (const t of policy.thresholds) expect(t.source.length).toBeGreaterThan(10);
      if (policy.validTrackingExemption) expect(policy.validTrackingExemption.source.length).toBeGreaterThan(10);
    }
    expect(new Set(POLICY_TABLE.map((p) => p.version)).size).toBe(POLICY_TABLE.length);
  });

  const threshold = (channel: 'WALMART' | 'AMAZON', iso: string, metric: PerformanceMetric) =>
    policyFor(channel, 'US', new Date(iso)).thresholds.find((t) => t.metric === metric);

  it.each([
    ['WALMART', '2026-06-01', 'VALID_TRACKING_RATE', 'AT_LEAST', 99, 30],
    ['WALMART', '2026-06-01', 'CANCELLATION_RATE', 'AT_MOST', 2, 30],
    ['WALMART', '2026-06-01', 'ON_TIME_DELIVERY_RATE', 'AT_LEAST', 90, 30],
    ['WALMART', '2024-06-01', 'ON_TIME_DELIVERY_RATE', 'ABOVE', 95, 30],
    ['WALMART', '2026-06-01', 'REFUND_RATE', 'AT_MOST', 6, 30],
    ['WALMART', '2026-06-01', 'RETURN_RATE', 'AT_MOST', 6, 60],
    ['AMAZON', '2026-06-01', 'VALID_TRACKING_RATE', 'AT_LEAST', 95, 30],
    ['AMAZON', '2026-06-01', 'LATE_SHIPMENT_RATE', 'BELOW', 4, 30],
    ['AMAZON', '2026-06-01', 'PRE_FULFILLMENT_CANCEL_RATE', 'BELOW', 2.5, 7],
    ['AMAZON', '2026-06-01', 'ON_TIME_DELIVERY_RATE', 'ABOVE', 90, 14],
    ['AMAZON', '2026-06-01', 'ORDER_DEFECT_RATE', 'BELOW', 1, 60],
  ] as const)('%s on %s: %s %s %s%% over %s days', (channel, day, metric, comparison, percent, windowDays) => {
    expect(threshold(channel, `${day}T00:00:00Z`, metric)).toMatchObject({ comparison, percent, windowDays });
  });

  it.each([
    ['WALMART', '2018-06-01', 48, 12],
    ['WALMART', '2026-06-01', 48, 12],
    ['AMAZON', '2016-06-01', 24, 6],
    ['AMAZON', '2026-06-01', 24, 6],
  ] as const)('%s on %s: buyer messages within %s h, warned at %s h left', (channel, day, hours, warn) => {
    const policy = policyFor(channel, 'US', new Date(`${day}T00:00:00Z`));
    expect(policy.buyerMessages).toMatchObject({
      respondWithinHours: hours,
      warnHoursLeft: warn,
      countsWeekends: true,
    });
    expect(policy.customerResponseHours).toBe(policy.buyerMessages.respondWithinHours);
    expect(policy.performanceAlertResponse).toMatchObject({ respondWithinHours: 24, warnHoursLeft: 4 });
  });

  it('keeps a source and an effective date on every response clock', () => {
    for (const policy of POLICY_TABLE) {
      for (const rule of [policy.buyerMessages, policy.performanceAlertResponse]) {
        expect(rule.source.length).toBeGreaterThan(40);
        expect(rule.effectiveFrom.getTime()).not.toBeNaN();
      }
    }
  });

  it('has no Return Rate standard before 2026-01-29', () => {
    expect(threshold('WALMART', '2025-06-01T00:00:00Z', 'RETURN_RATE')).toBeUndefined();
  });

  it('carries the windows and limits the other rules read', () => {
    const walmart = policyFor('WALMART', 'US', new Date('2026-06-01T00:00:00Z'));
    expect(walmart).toMatchObject({
      acknowledgeWithinHours: 4,
      trackingEditWindowHours: 4,
      trackingReuseWindowDays: 30,
      lateOriginScan: { businessDays: 2, published: true },
      customerResponseHours: 48,
      maxLinesPerRequest: 100,
    });
    expect(walmart.cancellationReasons.current).toHaveLength(5);
    const amazon = policyFor('AMAZON', 'US', new Date('2026-06-01T00:00:00Z'));
    expect(amazon).toMatchObject({ acknowledgeWithinHours: null, customerResponseHours: 24 });
    expect(amazon.validTrackingExemption).toMatchObject({
      belowPriceCents: 1000,
      maxLengthIn: 15,
      maxWidthIn: 12,
      maxThicknessIn: 0.75,
      maxWeightOz: 14,
    });
    expect(
      policyFor('AMAZON', 'US', new Date('2016-01-01T00:00:00Z')).validTrackingExemption?.belowPriceCents,
    ).toBeNull();
  });

  it.each(['WALMART', 'AMAZON'] as const)('records what %s counts as valid tracking, with its source and date', (c) => {
    for (const policy of POLICY_TABLE.filter((p) => p.channel === c)) {
      expect(policy.validTracking.requiresCarrierScan).toBe(true);
      expect(policy.validTracking.requiresSupportedCarrierAndMethod).toBe(c === 'WALMART');
      expect(policy.validTracking.source.length).toBeGreaterThan(20);
      expect(policy.validTracking.effectiveFrom).toBeInstanceOf(Date);
      expect(policy.lateOriginScan.source.length).toBeGreaterThan(20);
      expect(policy.onTimeDelivery.from).toBe('FIRST_DELIVERY_ATTEMPT');
      expect(policy.holdTracking).toMatchObject({
        releaseHoursBeforeShipBy: 2,
        source: expect.stringContaining('hub default'),
      });
    }
  });

  it("uses Walmart's late-origin-scan window for Amazon, which publishes none, and says so", () => {
    const amazon = policyFor('AMAZON', 'US', new Date('2026-06-01T00:00:00Z'));
    expect(amazon.lateOriginScan).toMatchObject({ businessDays: 2, published: false });
    expect(amazon.lateOriginScan.source).toMatch(/no late-origin-scan window.*Walmart/);
    expect(amazon.validTracking.effectiveFrom.toISOString()).toBe('2025-01-15T00:00:00.000Z');
    const walmart = policyFor('WALMART', 'US', new Date('2026-06-01T00:00:00Z'));
    expect(walmart.validTracking.effectiveFrom.toISOString()).toBe('2026-02-11T00:00:00.000Z');
    expect(walmart.validTracking.source).toContain('Valid-tracking-number-policy');
    expect(walmart.addressMismatch).toMatchObject({ windowDays: 30 });
    expect(amazon.addressMismatch).toBeNull();
  });
});
