import { supplierTrackingDueBy, supplierTrackingState } from './supplier-clock';

const t = (iso: string) => new Date(iso);

describe('supplierTrackingDueBy', () => {
  it.each([
    ['2026-12-07T22:00:00Z', 24, '2026-12-06T22:00:00.000Z'],
    ['2026-12-07T22:00:00Z', 6, '2026-12-07T16:00:00.000Z'],
    ['2026-12-07T22:00:00Z', 0, '2026-12-07T22:00:00.000Z'],
  ])('ship-by %s less %s h is %s', (shipBy, hours, due) => {
    expect(supplierTrackingDueBy(t(shipBy), hours).toISOString()).toBe(due);
  });

  it.each([-1, Number.NaN])('refuses a deadline of %s hours', (hours) => {
    expect(() => supplierTrackingDueBy(t('2026-12-07T22:00:00Z'), hours)).toThrow(/trackingDeadlineHours/);
  });
});

describe('supplierTrackingState', () => {
  const due = t('2026-12-06T22:00:00Z');
  it.each([
    ['waiting', null, '2026-12-06T12:00:00Z', undefined, 'WAITING'],
    ['due soon at 4 h', null, '2026-12-06T18:00:00Z', undefined, 'DUE_SOON'],
    ['due soon with a wider warning', null, '2026-12-06T12:00:00Z', 12, 'DUE_SOON'],
    ['missed at the due time', null, '2026-12-06T22:00:00Z', undefined, 'MISSED'],
    ['received on time', '2026-12-06T21:59:00Z', '2026-12-08T00:00:00Z', undefined, 'ON_TIME'],
    ['received late', '2026-12-06T22:01:00Z', '2026-12-08T00:00:00Z', undefined, 'LATE'],
  ] as const)('%s', (_name, received, now, warn, state) => {
    expect(supplierTrackingState(due, received ? t(received) : null, t(now), warn)).toBe(state);
  });
});
