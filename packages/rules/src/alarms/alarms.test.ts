import { channelWarningClock } from './channel-warning-clock';
import { heldTrackingSeverity } from './held-tracking-severity';
import {
  carrierScansKnown,
  isLateOriginScan,
  lateOriginScanDeadline,
  type OriginScanSubject,
} from './late-origin-scan';
import { findTrackingReuse, type TrackedShipment } from './tracking-reuse';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2026-11-20T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('channelWarningClock', () => {
  it.each([
    ['just received', { receivedAt: NOW, respondedAt: null }, 'OPEN', 24 * HOUR],
    ['4 h 1 min left', { receivedAt: ago(20 * HOUR - 60_000), respondedAt: null }, 'OPEN', 4 * HOUR + 60_000],
    ['exactly 4 h left', { receivedAt: ago(20 * HOUR), respondedAt: null }, 'DUE_SOON', 4 * HOUR],
    ['1 min left', { receivedAt: ago(24 * HOUR - 60_000), respondedAt: null }, 'DUE_SOON', 60_000],
    ['at the deadline', { receivedAt: ago(24 * HOUR), respondedAt: null }, 'OVERDUE', 0],
    ['2 h past', { receivedAt: ago(26 * HOUR), respondedAt: null }, 'OVERDUE', -2 * HOUR],
    ['answered late', { receivedAt: ago(30 * HOUR), respondedAt: ago(HOUR) }, 'ANSWERED', null],
  ])('%s: %s', (_name, warning, state, msLeft) => {
    const clock = channelWarningClock(warning, NOW);
    expect(clock).toEqual({ respondBy: new Date(warning.receivedAt.getTime() + 24 * HOUR), state, msLeft });
  });
});

describe('findTrackingReuse', () => {
  const ship = (orderId: string, trackingNumber: string | null, shippedAt: Date): TrackedShipment => ({
    orderId,
    trackingNumber,
    shippedAt,
  });
  const codes = (shipments: TrackedShipment[]) =>
    findTrackingReuse(shipments, NOW).map((r) => `${r.code}:${r.trackingNumber}:${r.orderIds.join('+')}`);

  it.each<[string, TrackedShipment[], string[]]>([
    ['one use', [ship('a', '1Z999AA10123456784', ago(DAY))], []],
    [
      'two orders, same number',
      [ship('b', '1Z999AA10123456784', ago(DAY)), ship('a', '1Z999AA10123456784', ago(2 * DAY))],
      ['TRACKING_REUSED:1Z999AA10123456784:a+b'],
    ],
    [
      'spaces and case do not hide it',
      [ship('a', '1z999aa1 0123456784', ago(DAY)), ship('b', '1Z999AA10123456784', ago(2 * HOUR))],
      ['TRACKING_REUSED:1Z999AA10123456784:a+b'],
    ],
    [
      'two packages of one order',
      [ship('a', '9400100000000000000000', ago(DAY)), ship('a', '9400100000000000000000', ago(HOUR))],
      [],
    ],
    [
      'the older use exactly 30 days ago',
      [ship('a', 'X1', ago(30 * DAY)), ship('b', 'X1', ago(HOUR))],
      ['TRACKING_REUSED:X1:a+b'],
    ],
    [
      'the older use a minute over 30 days ago',
      [ship('a', 'X1', ago(30 * DAY + 60_000)), ship('b', 'X1', ago(HOUR))],
      [],
    ],
    [
      'three orders',
      [ship('c', 'X1', ago(HOUR)), ship('a', 'X1', ago(3 * DAY)), ship('b', 'X1', ago(2 * DAY))],
      ['TRACKING_REUSED:X1:a+b+c'],
    ],
    [
      'no tracking is not reuse',
      [ship('a', null, ago(HOUR)), ship('b', '', ago(HOUR)), ship('c', '  ', ago(HOUR))],
      [],
    ],
    [
      'a future ship date is not counted',
      [ship('a', 'X1', ago(HOUR)), ship('b', 'X1', new Date(NOW.getTime() + HOUR))],
      [],
    ],
    [
      'two numbers, each sorted',
      [
        ship('a', 'Y2', ago(HOUR)),
        ship('b', 'Y2', ago(2 * HOUR)),
        ship('c', 'X1', ago(HOUR)),
        ship('d', 'X1', ago(HOUR)),
      ],
      ['TRACKING_REUSED:X1:c+d', 'TRACKING_REUSED:Y2:b+a'],
    ],
  ])('%s', (_name, shipments, expected) => expect(codes(shipments)).toEqual(expected));

  it('reports the latest use', () => {
    const [reuse] = findTrackingReuse([ship('a', 'X1', ago(2 * DAY)), ship('b', 'X1', ago(HOUR))], NOW);
    expect(reuse.lastShippedAt).toEqual(ago(HOUR));
  });
});

describe('late origin scan', () => {
  // NOW is Friday 2026-11-20 12:00 UTC.
  const subject = (patch: Partial<OriginScanSubject>): OriginScanSubject => ({
    channel: 'WALMART',
    followed: true,
    trackingNumber: '1Z999AA10123456784',
    shippedAt: ago(2 * DAY + HOUR),
    firstScanAt: null,
    ...patch,
  });

  it.each([
    [
      'an Amazon order (Amazon reports package scans)',
      { channel: 'AMAZON', mcf: false, trackedByProvider: false },
      true,
    ],
    ['a Walmart order fulfilled by MCF', { channel: 'WALMART', mcf: true, trackedByProvider: false }, true],
    [
      'a Walmart order followed at the tracking provider',
      { channel: 'WALMART', mcf: false, trackedByProvider: true },
      true,
    ],
    [
      'a Walmart order shipped by the seller, not followed',
      { channel: 'WALMART', mcf: false, trackedByProvider: false },
      false,
    ],
  ] as const)('carrier scans are known for %s: %s', (_name, s, known) => expect(carrierScansKnown(s)).toBe(known));

  it.each<[string, Partial<OriginScanSubject>, boolean]>([
    ['shipped Wednesday 11:00, no scan by Friday 12:00', {}, true],
    ['exactly 2 business days', { shippedAt: ago(2 * DAY) }, true],
    ['a minute short of 2 business days', { shippedAt: ago(2 * DAY - 60_000) }, false],
    ['scanned', { firstScanAt: ago(40 * HOUR) }, false],
    ['no tracking number (nothing to scan)', { trackingNumber: null }, false],
    ['a blank tracking number', { trackingNumber: '  ' }, false],
    ['not followed (silence means nothing)', { followed: false }, false],
    ['an Amazon order, the hub using Walmart’s window', { channel: 'AMAZON' }, true],
    ['shipped 30 days ago', { shippedAt: ago(30 * DAY) }, true],
    ['shipped more than 30 days ago', { shippedAt: ago(30 * DAY + 60_000) }, false],
  ])('%s: %s', (_name, patch, late) => expect(isLateOriginScan(subject(patch), NOW)).toBe(late));

  it('counts business days: a Friday shipment is not late on Monday, 72 h later', () => {
    const monday = new Date('2026-11-23T12:00:00Z');
    const friday = subject({ shippedAt: NOW });
    expect(isLateOriginScan(friday, monday)).toBe(false);
    expect(lateOriginScanDeadline('WALMART', NOW)).toEqual(new Date('2026-11-24T12:00:00Z'));
    expect(isLateOriginScan(friday, new Date('2026-11-24T12:00:00Z'))).toBe(true);
  });

  it('counts a weekend shipment from the Monday after', () => {
    expect(lateOriginScanDeadline('AMAZON', new Date('2026-11-21T09:00:00Z'))).toEqual(
      new Date('2026-11-24T09:00:00Z'),
    );
    expect(lateOriginScanDeadline('WALMART', new Date('2026-11-22T23:00:00Z'))).toEqual(
      new Date('2026-11-24T23:00:00Z'),
    );
  });
});

describe('heldTrackingSeverity', () => {
  it.each([
    ['ship-by in 3 days', new Date(NOW.getTime() + 3 * DAY), 'HIGH'],
    ['ship-by in 24 h 1 min', new Date(NOW.getTime() + DAY + 60_000), 'HIGH'],
    ['ship-by in 24 h', new Date(NOW.getTime() + DAY), 'CRITICAL'],
    ['ship-by passed', ago(HOUR), 'CRITICAL'],
    ['no ship-by', null, 'HIGH'],
  ] as const)('%s: %s', (_name, shipBy, severity) => expect(heldTrackingSeverity(shipBy, NOW)).toBe(severity));
});
