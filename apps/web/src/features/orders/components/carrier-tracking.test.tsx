import { render, screen, within } from '@testing-library/react';
import { order, shipment } from '@/features/shared/test/order-fixtures';
import { CarrierTracking } from './carrier-tracking';

const shipTo = {
  name: 'Jane Doe',
  line1: '1 Main St',
  line2: null,
  line3: null,
  city: 'Austin',
  stateOrRegion: 'TX',
  postalCode: '78701',
  countryCode: 'US',
  phone: null,
};
const place = (city: string, state: string, zip: string) => ({ city, state, zip, country: 'US' });
const tracking = (overrides = {}) => ({
  state: 'TRACKING' as const,
  status: 'IN_TRANSIT' as const,
  statusDetail: 'ARRIVED_AT_FACILITY',
  publicUrl: 'https://track.easypost.com/djE6dHJrXzE',
  firstScanAt: '2026-12-01T21:00:00.000Z',
  firstDeliveryAttemptAt: null,
  deliveredAt: null,
  estimatedDeliveryAt: '2026-12-04T18:00:00.000Z',
  addressMatch: null,
  deliveredTo: null,
  untrackableReason: null,
  checkedAt: '2026-12-02T12:00:00.000Z',
  lastError: null,
  ...overrides,
});

function renderTracking(shipments: ReturnType<typeof shipment>[]) {
  render(<CarrierTracking shipments={shipments} shipTo={shipTo} timeZone="America/Chicago" />);
}

test('a delivered parcel: its events oldest first with time, place and source, first scan, delivery and a matching address', () => {
  renderTracking([
    shipment({
      tracking: tracking({
        state: 'DONE',
        status: 'DELIVERED',
        statusDetail: 'ARRIVED_AT_DESTINATION',
        deliveredAt: '2026-12-03T17:30:00.000Z',
        firstDeliveryAttemptAt: '2026-12-03T17:30:00.000Z',
        addressMatch: 'MATCH',
        deliveredTo: place('Austin', 'TX', '78701'),
      }),
      carrierEvents: [
        {
          type: 'SCANNED',
          status: 'IN_TRANSIT',
          occurredAt: '2026-12-01T21:00:00.000Z',
          description: 'Origin scan',
          location: place('Memphis', 'TN', '38118'),
          source: 'TRACKING_PROVIDER',
        },
        {
          type: 'STATUS',
          status: 'IN_TRANSIT',
          occurredAt: '2026-12-01T21:00:00.000Z',
          description: 'Origin scan',
          location: place('Memphis', 'TN', '38118'),
          source: 'TRACKING_PROVIDER',
        },
        {
          type: 'STATUS',
          status: 'OUT_FOR_DELIVERY',
          occurredAt: '2026-12-03T13:00:00.000Z',
          description: null,
          location: place('Austin', 'TX', '78744'),
          source: 'TRACKING_PROVIDER',
        },
        {
          type: 'DELIVERED',
          status: 'DELIVERED',
          occurredAt: '2026-12-03T17:30:00.000Z',
          description: 'Delivered, front door',
          location: place('Austin', 'TX', '78701'),
          source: 'TRACKING_PROVIDER',
        },
      ],
    }),
  ]);
  const card = screen.getByTestId('carrier-shipment');
  expect(card.dataset.phase).toBe('DELIVERED');
  expect(screen.getByTestId('carrier-headline').textContent).toBe('Delivered · arrived at destination');
  // Times read in the account's zone (Chicago), with the zone named on the facts.
  expect(screen.getByTestId('carrier-first-scan').textContent).toBe('Dec 1, 15:00 CST');
  expect(screen.getByTestId('carrier-delivered').textContent).toBe('Dec 3, 11:30 CST');
  expect(screen.getByTestId('carrier-address-match').textContent).toBe(
    'Delivered at the ship-to address (Austin, TX 78701)',
  );
  const events = screen.getAllByTestId('carrier-event');
  // The first scan was the status change to in transit: one line, tagged, not two.
  expect(
    events.map((event) => [
      within(event).getByTestId('carrier-event-label').textContent,
      within(event).queryByTestId('carrier-event-milestone')?.textContent ?? null,
    ]),
  ).toEqual([
    ['In transit', 'First carrier scan'],
    ['Out for delivery', null],
    ['Delivered', null],
  ]);
  expect(events[0].querySelector('time')!.textContent).toBe('Dec 1, 15:00 CST');
  expect(within(events[0]).getByTestId('carrier-event-place').textContent).toBe(' · Memphis, TN 38118');
  expect(within(events[0]).getByTestId('carrier-event-source').textContent).toBe(
    'from the carrier, via the tracking provider',
  );
  const link = screen.getByTestId('carrier-public-link');
  expect(link.getAttribute('href')).toBe('https://track.easypost.com/djE6dHJrXzE');
  expect(link.getAttribute('target')).toBe('_blank');
  expect(screen.queryByText(/IN_TRANSIT|OUT_FOR_DELIVERY|TRACKING_PROVIDER/)).toBeNull();
});

test('delivered to another ZIP: the verdict names both places', () => {
  renderTracking([
    shipment({
      tracking: tracking({
        state: 'DONE',
        status: 'DELIVERED',
        deliveredAt: '2026-12-03T17:30:00.000Z',
        addressMatch: 'MISMATCH',
        deliveredTo: place('Round Rock', 'TX', '78664'),
      }),
    }),
  ]);
  const verdict = screen.getByTestId('carrier-address-match');
  expect(verdict.dataset.match).toBe('MISMATCH');
  expect(verdict.textContent).toBe('Delivered to another address: Round Rock, TX 78664, ship-to is Austin, TX 78701');
});

test('no scan yet: "Awaiting first scan", and the shipment’s own tracking URL when the provider has no page', () => {
  renderTracking([
    shipment({
      trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
      tracking: tracking({ status: 'PRE_TRANSIT', statusDetail: null, firstScanAt: null, publicUrl: null }),
    }),
  ]);
  expect(screen.getByTestId('carrier-shipment').dataset.phase).toBe('AWAITING_FIRST_SCAN');
  expect(screen.getByTestId('carrier-headline').textContent).toBe('Awaiting first scan');
  expect(screen.getByTestId('carrier-first-scan').textContent).toBe('—');
  expect(screen.getByTestId('carrier-delivered').textContent).toBe('Not yet · expected Dec 4, 12:00 CST');
  expect(screen.getByTestId('carrier-events-empty').textContent).toBe('No carrier event yet.');
  expect(screen.getByTestId('carrier-public-link').getAttribute('href')).toBe(
    'https://www.ups.com/track?tracknum=1Z999AA10123456784',
  );
});

test('a number the provider refuses: "Untrackable: <reason>" announced, and no unsafe link', () => {
  renderTracking([
    shipment({
      trackingUrl: 'javascript:alert(1)',
      tracking: tracking({
        state: 'UNTRACKABLE',
        status: null,
        firstScanAt: null,
        publicUrl: 'javascript:alert(2)',
        untrackableReason: 'Tracking code cannot be matched to a supported carrier',
      }),
    }),
  ]);
  const headline = screen.getByTestId('carrier-headline');
  expect(headline.textContent).toBe('Untrackable: Tracking code cannot be matched to a supported carrier');
  expect(headline.getAttribute('role')).toBe('alert');
  expect(screen.queryByTestId('carrier-public-link')).toBeNull();
});

test('a parcel the hub does not follow says so; a stale check shows the provider’s last error', () => {
  renderTracking([
    shipment({ id: 'sh-1' }),
    shipment({
      id: 'sh-2',
      trackingNumber: '9400111899223197428490',
      carrier: 'USPS',
      tracking: tracking({ lastError: 'EasyPost did not answer (503)' }),
    }),
  ]);
  const [first, second] = screen.getAllByTestId('carrier-shipment');
  expect(first.dataset.phase).toBe('NOT_FOLLOWED');
  expect(within(first).getByTestId('carrier-not-followed').textContent).toMatch(/only its number’s format is checked/);
  expect(within(second).getByTestId('carrier-checked-at').textContent).toBe(
    'Dec 2, 06:00 CST · last check failed: EasyPost did not answer (503)',
  );
});

test('nothing shipped: no carrier panel', () => {
  render(<CarrierTracking shipments={order().shipments} shipTo={null} />);
  expect(screen.queryByTestId('carrier-tracking')).toBeNull();
});
