import { CARRIER_STATUSES } from '@order-hub/types';
import {
  carrierEventLabel,
  carrierSourceLabel,
  carrierStatusLabel,
  deliveryVerdict,
  formatCarrierLocation,
  publicTrackingHref,
  trackingHeadline,
  trackingPhase,
  trackingProviderName,
} from './carrier-format';

test('every carrier status reads as words, never as its code', () => {
  for (const status of CARRIER_STATUSES) {
    const words = carrierStatusLabel(status);
    expect(words).not.toMatch(/[A-Z]{2,}|_/);
    expect(words.length).toBeGreaterThan(3);
  }
  expect(carrierStatusLabel('OUT_FOR_DELIVERY')).toBe('Out for delivery');
  expect(carrierStatusLabel('PRE_TRANSIT')).toBe('Label created, not yet with the carrier');
  expect(carrierStatusLabel(null)).toBe('Status not known yet');
});

test('a timeline entry names its milestone, or the status it reports', () => {
  expect(carrierEventLabel({ type: 'SCANNED', status: 'IN_TRANSIT' })).toBe('First carrier scan');
  expect(carrierEventLabel({ type: 'DELIVERY_ATTEMPT' })).toBe('First delivery attempt');
  expect(carrierEventLabel({ type: 'DELIVERED', status: 'DELIVERED' })).toBe('Delivered');
  expect(carrierEventLabel({ type: 'STATUS', status: 'RETURN_TO_SENDER' })).toBe('Returned to sender');
  expect(carrierSourceLabel('TRACKING_PROVIDER')).toBe('from the carrier, via the tracking provider');
  expect(carrierSourceLabel('MCF')).toBe('from Amazon MCF');
});

test('a carrier location reads "City, ST ZIP", with a country only outside the US, and null when empty', () => {
  expect(formatCarrierLocation({ city: 'Memphis', state: 'TN', zip: '38118', country: 'US' })).toBe(
    'Memphis, TN 38118',
  );
  expect(formatCarrierLocation({ city: 'Toronto', state: 'ON', zip: null, country: 'CA' })).toBe('Toronto, ON, CA');
  expect(formatCarrierLocation({ city: null, state: null, zip: '10001', country: null })).toBe('10001');
  expect(formatCarrierLocation({ city: ' ', state: null, zip: null, country: 'US' })).toBeNull();
  expect(formatCarrierLocation(null)).toBeNull();
});

test('the delivery verdict holds the carrier’s place against the ship-to, in a sentence', () => {
  const shipTo = { city: 'Austin', state: 'TX', zip: '78701', country: 'US' };
  expect(deliveryVerdict(null, null, shipTo)).toBeNull();
  expect(deliveryVerdict('MATCH', { city: 'Austin', state: 'TX', zip: '78701' }, shipTo)).toBe(
    'Delivered at the ship-to address (Austin, TX 78701)',
  );
  expect(deliveryVerdict('MISMATCH', { city: 'Dallas', state: 'TX', zip: '75201' }, shipTo)).toBe(
    'Delivered to another address: Dallas, TX 75201, ship-to is Austin, TX 78701',
  );
  expect(deliveryVerdict('UNKNOWN', null, shipTo)).toBe(
    'The carrier did not say where it delivered: not checked against the ship-to',
  );
});

describe('where a followed shipment stands', () => {
  test('refused by the provider: untrackable, with the provider’s reason', () => {
    const tracking = {
      state: 'UNTRACKABLE' as const,
      untrackableReason: 'Tracking code cannot be matched to a supported carrier',
    };
    expect(trackingPhase(tracking)).toBe('UNTRACKABLE');
    expect(trackingHeadline(tracking)).toBe('Untrackable: Tracking code cannot be matched to a supported carrier');
    expect(trackingHeadline({ state: 'UNTRACKABLE', untrackableReason: null })).toBe(
      'Untrackable: the tracking provider refused the number',
    );
  });

  test('no scan yet (pre-transit or not registered): awaiting first scan', () => {
    expect(trackingHeadline({ state: 'PENDING', status: null, firstScanAt: null })).toBe('Awaiting first scan');
    expect(trackingHeadline({ state: 'TRACKING', status: 'PRE_TRANSIT', firstScanAt: null })).toBe(
      'Awaiting first scan',
    );
  });

  test('scanned: the carrier status; delivered: delivered', () => {
    const moving = { state: 'TRACKING' as const, status: 'IN_TRANSIT' as const, firstScanAt: '2026-12-01T10:00:00Z' };
    expect(trackingPhase(moving)).toBe('SCANNED');
    expect(trackingHeadline(moving)).toBe('In transit');
    const done = { state: 'DONE' as const, status: 'DELIVERED' as const, firstScanAt: '2026-12-01T10:00:00Z' };
    expect(trackingPhase(done)).toBe('DELIVERED');
    expect(trackingHeadline(done)).toBe('Delivered');
  });
});

test('the public tracking link is the provider’s page, else the shipment’s URL, and only ever http(s)', () => {
  expect(publicTrackingHref('https://track.easypost.com/djE6dHJrXzEyMw', 'https://www.ups.com/track?t=1')).toBe(
    'https://track.easypost.com/djE6dHJrXzEyMw',
  );
  expect(publicTrackingHref(null, 'https://www.ups.com/track?t=1')).toBe('https://www.ups.com/track?t=1');
  expect(publicTrackingHref('javascript:alert(1)', 'https://www.ups.com/track?t=1')).toBe(
    'https://www.ups.com/track?t=1',
  );
  expect(publicTrackingHref('javascript:alert(1)', 'data:text/html,hi')).toBeNull();
  expect(publicTrackingHref(undefined, undefined)).toBeNull();
});

test('the tracking provider by its own name', () => {
  expect(trackingProviderName('EASYPOST')).toBe('EasyPost');
  expect(trackingProviderName('EasyPost')).toBe('EasyPost');
  expect(trackingProviderName('Shippo')).toBe('Shippo');
});
