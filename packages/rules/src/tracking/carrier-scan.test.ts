import { CARRIER_STATUSES, type CarrierStatus } from '@order-hub/types';
import { firstCarrierScan, isCarrierScan, isFinalStatus } from './carrier-scan';

const at = (iso: string) => new Date(iso);

describe('isCarrierScan', () => {
  it.each<[CarrierStatus, boolean]>([
    ['UNKNOWN', false],
    ['PRE_TRANSIT', false],
    ['CANCELLED', false],
    ['ERROR', false],
    ['IN_TRANSIT', true],
    ['OUT_FOR_DELIVERY', true],
    ['DELIVERED', true],
    ['AVAILABLE_FOR_PICKUP', true],
    ['RETURN_TO_SENDER', true],
    ['FAILURE', true],
  ])('%s is a carrier scan: %s', (status, scan) => expect(isCarrierScan(status)).toBe(scan));

  it('decides every status of the vocabulary', () => {
    expect(CARRIER_STATUSES.filter(isCarrierScan).sort()).toEqual(
      ['AVAILABLE_FOR_PICKUP', 'DELIVERED', 'FAILURE', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'RETURN_TO_SENDER'].sort(),
    );
  });
});

describe('isFinalStatus', () => {
  it('is final only once delivered, returned, failed or cancelled', () => {
    expect(CARRIER_STATUSES.filter(isFinalStatus).sort()).toEqual(
      ['CANCELLED', 'DELIVERED', 'FAILURE', 'RETURN_TO_SENDER'].sort(),
    );
  });
});

describe('firstCarrierScan', () => {
  it('is null with no details, or only label-created ones', () => {
    expect(firstCarrierScan([])).toBeNull();
    expect(
      firstCarrierScan([
        { status: 'PRE_TRANSIT', at: at('2026-03-02T10:00:00Z') },
        { status: 'UNKNOWN', at: at('2026-03-02T11:00:00Z') },
      ]),
    ).toBeNull();
  });

  it('skips the label and returns the first detail past pre-transit, keeping the caller’s fields', () => {
    const details = [
      { status: 'PRE_TRANSIT' as const, at: at('2026-03-02T10:00:00Z'), city: null },
      { status: 'IN_TRANSIT' as const, at: at('2026-03-02T16:00:00Z'), city: 'Bentonville' },
      { status: 'DELIVERED' as const, at: at('2026-03-04T12:00:00Z'), city: 'Tulsa' },
    ];
    expect(firstCarrierScan(details)).toBe(details[1]);
  });

  it('takes the earliest scan even when details arrive out of order', () => {
    const details = [
      { status: 'OUT_FOR_DELIVERY' as const, at: at('2026-03-04T08:00:00Z') },
      { status: 'IN_TRANSIT' as const, at: at('2026-03-03T08:00:00Z') },
    ];
    expect(firstCarrierScan(details)).toBe(details[1]);
  });

  it('of two scans at the same instant keeps the first listed', () => {
    const details = [
      { status: 'IN_TRANSIT' as const, at: at('2026-03-03T08:00:00Z') },
      { status: 'DELIVERED' as const, at: at('2026-03-03T08:00:00Z') },
    ];
    expect(firstCarrierScan(details)).toBe(details[0]);
  });

  it('counts a parcel delivered without an earlier scan as scanned at delivery', () => {
    const details = [
      { status: 'PRE_TRANSIT' as const, at: at('2026-03-02T10:00:00Z') },
      { status: 'DELIVERED' as const, at: at('2026-03-05T10:00:00Z') },
    ];
    expect(firstCarrierScan(details)?.status).toBe('DELIVERED');
  });
});
