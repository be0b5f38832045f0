import type { CarrierCode, LabelSource } from '@order-hub/types';
import { canVoidLabel, LABEL_VOID_WINDOWS, labelVoidableUntil, labelVoidWindow } from './void-window';

const purchasedAt = new Date('2026-12-04T15:00:00Z');

describe('labelVoidWindow', () => {
  test.each<[LabelSource, CarrierCode, number | null, RegExp]>([
    ['PROVIDER', 'USPS', 30, /within 30 days of generation/],
    ['PROVIDER', 'UPS', 90, /within 90 days of creation/],
    ['PROVIDER', 'FEDEX', 90, /within 90 days of creation/],
    ['PROVIDER', 'FEDEX_SMARTPOST', 90, /within 90 days/],
    ['PROVIDER', 'ONTRAC', 30, /shortest published window/],
    ['CHANNEL', 'USPS', 30, /cancelShipment/],
    ['CHANNEL', 'UPS', 90, /cancelShipment/],
    ['CHANNEL', 'AMAZON_LOGISTICS', null, /not been picked up/],
  ])('%s %s: %s days', (source, carrier, days, sourceText) => {
    const window = labelVoidWindow(source, carrier);
    expect(window.days).toBe(days);
    expect(window.beforeFirstScanOnly).toBe(true);
    expect(window.source).toMatch(sourceText);
    expect(window.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('every source has a row for the carriers it does not name', () => {
    for (const source of ['CHANNEL', 'PROVIDER'] as const)
      expect(LABEL_VOID_WINDOWS.some((r) => r.source === source && r.carriers === 'OTHERS')).toBe(true);
  });
});

describe('labelVoidableUntil', () => {
  test.each<[LabelSource, CarrierCode, string | null]>([
    ['PROVIDER', 'USPS', '2027-01-03T15:00:00.000Z'],
    ['PROVIDER', 'UPS', '2027-03-04T15:00:00.000Z'],
    ['CHANNEL', 'AMAZON_LOGISTICS', null],
  ])('%s %s bought %s', (source, carrier, until) => {
    expect(labelVoidableUntil(purchasedAt, source, carrier)?.toISOString() ?? null).toBe(until);
  });
});

describe('canVoidLabel', () => {
  const base = { source: 'PROVIDER' as const, carrier: 'USPS' as const, purchasedAt, firstScanAt: null };
  test.each<[string, Parameters<typeof canVoidLabel>[0], RegExp | null]>([
    ['the day after purchase', { ...base, now: new Date('2026-12-05T10:00:00Z') }, null],
    ['on the last instant of the window', { ...base, now: new Date('2027-01-03T15:00:00Z') }, null],
    [
      'a minute past the window',
      { ...base, now: new Date('2027-01-03T15:01:00Z') },
      /USPS labels can be voided for 30 days after purchase; that ended Jan 3\.$/,
    ],
    [
      'once the carrier scanned it',
      { ...base, firstScanAt: new Date('2026-12-04T20:00:00Z'), now: new Date('2026-12-05T10:00:00Z') },
      /USPS has already scanned this parcel/,
    ],
    [
      'Amazon Shipping, long after purchase but never scanned',
      { ...base, source: 'CHANNEL', carrier: 'AMAZON_LOGISTICS', now: new Date('2027-06-01T00:00:00Z') },
      null,
    ],
    [
      'Amazon Shipping once picked up',
      {
        ...base,
        source: 'CHANNEL',
        carrier: 'AMAZON_LOGISTICS',
        firstScanAt: new Date('2026-12-04T18:00:00Z'),
        now: new Date('2026-12-04T19:00:00Z'),
      },
      /Amazon Logistics has already scanned this parcel/,
    ],
  ])('%s', (_, label, refusal) => {
    const check = canVoidLabel(label);
    expect(check.allowed).toBe(refusal === null);
    if (refusal) expect(check.reason).toMatch(refusal);
    else expect(check.reason).toBeNull();
  });
});
