import type { CarrierStatus } from '@order-hub/types';
import type { TrackerSnapshot } from '../src/modules/carrier-tracking/provider/tracking-provider';
import type { ShipmentTrackerEntity } from '../src/modules/carrier-tracking/trackers/shipment-tracker.repository';
import { findSnapshot } from '../src/modules/carrier-tracking/trackers/tracker-polling.service';
import { carrierEventRows, trackerUpdate } from '../src/modules/carrier-tracking/trackers/tracker-snapshot';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-30T15:00:00Z');
const RENO = { city: 'RENO', state: 'NV', zip: '89501', country: 'US' };
const AUSTIN = { city: 'AUSTIN', state: 'TX', zip: '78704', country: 'US' };
const SHIP_TO = {
  name: 'Buyer',
  line1: '1 Main St',
  city: 'Austin',
  stateOrRegion: 'TX',
  postalCode: '78704-1234',
  countryCode: 'US',
};

const detail = (status: CarrierStatus, hours: number, location = RENO) => ({
  status,
  statusDetail: null,
  message: `${status} scan`,
  at: new Date(T0 + hours * HOUR),
  location,
});

function snapshot(details: TrackerSnapshot['details'], overrides: Partial<TrackerSnapshot> = {}): TrackerSnapshot {
  return {
    providerTrackerId: 'trk_1',
    trackingCode: '1ZTEST',
    carrier: 'UPS',
    status: details[details.length - 1]?.status ?? 'UNKNOWN',
    statusDetail: null,
    publicUrl: 'https://track.easypost.com/x',
    estDeliveryAt: null,
    updatedAt: new Date(T0 + 100 * HOUR),
    details,
    origin: null,
    destination: null,
    initialDeliveryAttemptAt: null,
    ...overrides,
  };
}

const tracker = (overrides: Partial<ShipmentTrackerEntity> = {}) =>
  ({
    shipmentId: 's1',
    orderId: 'o1',
    provider: 'EASYPOST',
    providerTrackerId: 'trk_1',
    trackingCode: '1ZTEST',
    carrier: 'UPS',
    state: 'TRACKING',
    firstScanAt: null,
    firstAttemptAt: null,
    deliveredAt: null,
    deliveryCity: null,
    deliveryState: null,
    deliveryZip: null,
    deliveryCountry: null,
    addressMatch: null,
    providerUpdatedAt: null,
    ...overrides,
  }) as ShipmentTrackerEntity;

describe('a tracker snapshot as carrier events', () => {
  it('first scan past pre-transit, the attempt and the delivery once each, one STATUS row per detail, with locations', () => {
    const rows = carrierEventRows(
      's1',
      'o1',
      snapshot([
        detail('PRE_TRANSIT', 0),
        detail('IN_TRANSIT', 6),
        detail('OUT_FOR_DELIVERY', 40),
        detail('DELIVERED', 48, AUSTIN),
      ]),
    );
    expect(
      rows
        .filter((r) => r.type !== 'STATUS')
        .map((r) => [r.type, r.status, r.occurredAt?.toISOString(), r.location?.city]),
    ).toEqual([
      ['SCANNED', 'IN_TRANSIT', new Date(T0 + 6 * HOUR).toISOString(), 'RENO'],
      ['DELIVERY_ATTEMPT', 'DELIVERED', new Date(T0 + 48 * HOUR).toISOString(), 'AUSTIN'],
      ['DELIVERED', 'DELIVERED', new Date(T0 + 48 * HOUR).toISOString(), 'AUSTIN'],
    ]);
    expect(rows.filter((r) => r.type === 'STATUS').map((r) => r.eventKey)).toEqual([
      `STATUS:PRE_TRANSIT:${new Date(T0).toISOString()}`,
      `STATUS:IN_TRANSIT:${new Date(T0 + 6 * HOUR).toISOString()}`,
      `STATUS:OUT_FOR_DELIVERY:${new Date(T0 + 40 * HOUR).toISOString()}`,
      `STATUS:DELIVERED:${new Date(T0 + 48 * HOUR).toISOString()}`,
    ]);
    expect(rows.every((r) => r.source === 'TRACKING_PROVIDER')).toBe(true);
  });

  it('a label never scanned gives no SCANNED row; the carrier’s initial attempt dates the attempt', () => {
    expect(carrierEventRows('s1', 'o1', snapshot([detail('PRE_TRANSIT', 0)])).map((r) => r.type)).toEqual(['STATUS']);
    const attempt = new Date(T0 + 30 * HOUR);
    const rows = carrierEventRows(
      's1',
      'o1',
      snapshot([detail('IN_TRANSIT', 6), detail('DELIVERED', 50, AUSTIN)], { initialDeliveryAttemptAt: attempt }),
    );
    expect(rows.find((r) => r.type === 'DELIVERY_ATTEMPT')?.occurredAt).toEqual(attempt);
  });
});

describe('a tracker row after a snapshot', () => {
  const now = new Date(T0 + 10 * HOUR);

  it('polls often before the first scan and rarely after; keeps the earliest first scan', () => {
    expect(trackerUpdate(tracker(), snapshot([detail('PRE_TRANSIT', 0)]), SHIP_TO, now)).toMatchObject({
      state: 'TRACKING',
      firstScanAt: null,
      nextPollAt: new Date(now.getTime() + 2 * HOUR),
    });
    const earlier = new Date(T0 + 5 * HOUR);
    expect(
      trackerUpdate(tracker({ firstScanAt: earlier }), snapshot([detail('IN_TRANSIT', 6)]), SHIP_TO, now),
    ).toMatchObject({ firstScanAt: earlier, nextPollAt: new Date(now.getTime() + 12 * HOUR), addressMatch: null });
  });

  it('holds the delivery location against the ship-to, and stops polling a day after delivery', () => {
    const delivered = snapshot([detail('IN_TRANSIT', 6), detail('DELIVERED', 48, RENO)]);
    const soon = trackerUpdate(tracker(), delivered, SHIP_TO, new Date(T0 + 50 * HOUR));
    expect(soon).toMatchObject({
      state: 'TRACKING',
      addressMatch: 'MISMATCH',
      deliveryCity: 'RENO',
      deliveryZip: '89501',
      nextPollAt: new Date(T0 + 72 * HOUR),
    });
    const settled = trackerUpdate(tracker(), delivered, SHIP_TO, new Date(T0 + 80 * HOUR));
    expect(settled).toMatchObject({ state: 'DONE', nextPollAt: null });
    const home = snapshot([detail('IN_TRANSIT', 6), detail('DELIVERED', 48, AUSTIN)]);
    expect(trackerUpdate(tracker(), home, SHIP_TO, new Date(T0 + 80 * HOUR)).addressMatch).toBe('MATCH');
    const nowhere = snapshot([detail('IN_TRANSIT', 6), { ...detail('DELIVERED', 48), location: null }]);
    expect(trackerUpdate(tracker(), nowhere, SHIP_TO, new Date(T0 + 80 * HOUR)).addressMatch).toBe('UNKNOWN');
  });

  it('returned to sender is final at once', () => {
    const returned = snapshot([detail('IN_TRANSIT', 6), detail('RETURN_TO_SENDER', 60)]);
    expect(trackerUpdate(tracker(), returned, SHIP_TO, now)).toMatchObject({ state: 'DONE', nextPollAt: null });
  });
});

describe('matching the provider’s answer to a tracker', () => {
  const answer = [
    snapshot([], { providerTrackerId: 'trk_a', trackingCode: '1ZSAME', carrier: 'UPS' }),
    snapshot([], { providerTrackerId: 'trk_b', trackingCode: '1ZSAME', carrier: 'FedEx' }),
  ];
  it('by tracker id, else by code AND carrier, never by code alone', () => {
    expect(
      findSnapshot({ providerTrackerId: 'trk_b', trackingCode: '1ZSAME', carrier: 'UPS' }, answer)?.providerTrackerId,
    ).toBe('trk_b');
    expect(
      findSnapshot({ providerTrackerId: null, trackingCode: '1zsame', carrier: 'fedex' }, answer)?.providerTrackerId,
    ).toBe('trk_b');
    expect(findSnapshot({ providerTrackerId: null, trackingCode: '1ZSAME', carrier: 'USPS' }, answer)).toBeNull();
  });
});
