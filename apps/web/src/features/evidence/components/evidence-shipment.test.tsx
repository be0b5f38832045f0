import { render, screen, within } from '@testing-library/react';
import type { EvidenceShipmentView } from '../api/evidence.graphql';
import { EvidenceShipment } from './evidence-shipment';

const tracking = (overrides: Partial<NonNullable<EvidenceShipmentView['tracking']>> = {}) => ({
  provider: 'EASYPOST',
  carrier: 'UPS',
  state: 'DONE',
  status: 'DELIVERED',
  statusDetail: 'ARRIVED_AT_DESTINATION',
  publicUrl: 'https://track.easypost.com/djE6dHJrXzE',
  firstScanAt: '2026-12-01T21:00:00.000Z',
  firstDeliveryAttemptAt: '2026-12-03T17:30:00.000Z',
  deliveredAt: '2026-12-03T17:30:00.000Z',
  deliveredTo: 'Reno, NV 89501',
  shipTo: 'Austin, TX 78701',
  addressMatch: 'MISMATCH',
  untrackableReason: null,
  checkedAt: '2026-12-03T18:00:00.000Z',
  ...overrides,
});

const shipment = (overrides: Partial<EvidenceShipmentView> = {}): EvidenceShipmentView => ({
  id: 's1',
  carrier: 'UPS',
  trackingNumber: '1Z999AA10123456784',
  shippedAt: '2026-12-01T15:00:00.000Z',
  source: 'HUB',
  origin: "supplier Acme's CSV file acme-1201.csv by token:ops",
  tracking: tracking(),
  events: [
    {
      type: 'STATUS',
      status: 'IN_TRANSIT',
      occurredAt: '2026-12-01T21:00:00.000Z',
      source: 'TRACKING_PROVIDER',
      description: 'Origin scan',
      location: 'Memphis, TN 38118',
    },
    {
      type: 'SCANNED',
      status: 'IN_TRANSIT',
      occurredAt: '2026-12-01T21:00:00.000Z',
      source: 'TRACKING_PROVIDER',
      description: 'Origin scan',
      location: 'Memphis, TN 38118',
    },
    {
      type: 'STATUS',
      status: 'DELIVERED',
      occurredAt: '2026-12-03T17:30:00.000Z',
      source: 'TRACKING_PROVIDER',
      description: 'Delivered',
      location: 'Reno, NV 89501',
    },
    {
      type: 'DELIVERED',
      status: 'DELIVERED',
      occurredAt: '2026-12-03T17:30:00.000Z',
      source: 'TRACKING_PROVIDER',
      description: null,
      location: 'Reno, NV 89501',
    },
  ],
  ...overrides,
});

test('a parcel delivered elsewhere: where it came from, the tracker in words, both addresses, times in the account zone', () => {
  render(<EvidenceShipment shipment={shipment()} timeZone="America/Chicago" />);
  expect(screen.getByTestId('evidence-shipment-origin').textContent).toBe(
    "supplier Acme's CSV file acme-1201.csv by token:ops",
  );
  expect(screen.getByTestId('evidence-shipment-source').textContent).toBe('Confirmed through the hub');
  expect(screen.getByTestId('evidence-tracking-headline').textContent).toBe('Delivered · UPS via EasyPost');
  // 21:00 UTC is 15:00 in Chicago (CST).
  expect(screen.getByTestId('evidence-first-scan').textContent).toBe('Dec 1, 15:00 CST');
  expect(screen.getByTestId('evidence-delivered-to').textContent).toBe('Reno, NV 89501');
  expect(screen.getByTestId('evidence-ship-to').textContent).toBe('Austin, TX 78701');
  const verdict = screen.getByTestId('evidence-address-match');
  expect(verdict.dataset.match).toBe('MISMATCH');
  expect(verdict.textContent).toBe('Delivered to another address: Reno, NV 89501, ship-to is Austin, TX 78701');
  expect(screen.getByTestId('evidence-checked-at').textContent).toBe('Dec 3, 12:00 CST');
  expect(screen.getByTestId<HTMLAnchorElement>('evidence-public-link').href).toBe(
    'https://track.easypost.com/djE6dHJrXzE',
  );
});

test('the carrier timeline is the order page’s: status lines with places, milestones as tags, oldest first', () => {
  render(<EvidenceShipment shipment={shipment()} timeZone="America/Chicago" />);
  const list = screen.getByRole('list', { name: 'Carrier events of UPS 1Z999AA10123456784' });
  const items = within(list).getAllByTestId('carrier-event');
  expect(items.map((item) => item.dataset.status)).toEqual(['IN_TRANSIT', 'DELIVERED']);
  expect(items.map((item) => item.dataset.milestones)).toEqual(['SCANNED', 'DELIVERED']);
  expect(within(items[0]).getByTestId('carrier-event-label').textContent).toBe('In transit');
  expect(within(items[0]).getByTestId('carrier-event-milestone').textContent).toBe('First carrier scan');
  expect(within(items[0]).getByTestId('carrier-event-place').textContent).toBe(' · Memphis, TN 38118');
  expect(within(items[1]).getByTestId('carrier-event-place').textContent).toBe(' · Reno, NV 89501');
  expect(within(items[1]).getByTestId('carrier-event-source').textContent).toBe(
    'from the carrier, via the tracking provider',
  );
  expect(items[0].querySelector('time')!.textContent).toBe('Dec 1, 15:00 CST');
});

test('a number the provider refused and one awaiting its first scan say so in words', () => {
  const { unmount } = render(
    <EvidenceShipment
      shipment={shipment({
        events: [],
        tracking: tracking({
          state: 'UNTRACKABLE',
          status: null,
          firstScanAt: null,
          deliveredAt: null,
          firstDeliveryAttemptAt: null,
          deliveredTo: null,
          addressMatch: null,
          untrackableReason: 'Cannot be matched to a supported carrier',
          publicUrl: null,
        }),
      })}
      timeZone="UTC"
    />,
  );
  expect(screen.getByTestId('evidence-tracking-headline').dataset.phase).toBe('UNTRACKABLE');
  expect(screen.getByTestId('evidence-tracking-headline').textContent).toMatch(
    /^Untrackable: Cannot be matched to a supported carrier/,
  );
  expect(screen.getByTestId('evidence-address-match').textContent).toBe('Not delivered yet: nothing to compare');
  expect(screen.getByTestId('evidence-no-carrier-events').textContent).toBe('No carrier event heard.');
  expect(screen.queryByTestId('evidence-public-link')).toBeNull();
  unmount();

  render(
    <EvidenceShipment
      shipment={shipment({
        events: [],
        tracking: tracking({
          state: 'TRACKING',
          status: 'PRE_TRANSIT',
          firstScanAt: null,
          deliveredAt: null,
          firstDeliveryAttemptAt: null,
          deliveredTo: null,
          addressMatch: null,
        }),
      })}
      timeZone="UTC"
    />,
  );
  expect(screen.getByTestId('evidence-tracking-headline').textContent).toMatch(/^Awaiting first scan/);
  expect(screen.getByTestId('evidence-first-scan').textContent).toBe('None yet');
  expect(screen.getByTestId('evidence-delivered').textContent).toBe('Not yet');
});

test('a shipment no provider follows: the channel’s events still show, and the record says only the format was checked', () => {
  render(
    <EvidenceShipment
      shipment={shipment({
        source: 'CHANNEL',
        origin: 'Walmart import',
        tracking: null,
        events: [
          {
            type: 'DELIVERED',
            status: null,
            occurredAt: '2026-12-03T17:30:00.000Z',
            source: 'CHANNEL',
            description: null,
            location: null,
          },
        ],
      })}
      timeZone="UTC"
    />,
  );
  expect(screen.getByTestId('evidence-shipment-source').textContent).toBe('Imported from the marketplace');
  expect(screen.getByTestId('evidence-not-followed').textContent).toMatch(/only its number’s format was checked/);
  const [item] = screen.getAllByTestId('carrier-event');
  expect(within(item).getByTestId('carrier-event-label').textContent).toBe('Delivered');
  expect(within(item).getByTestId('carrier-event-source').textContent).toBe('reported by the marketplace');
  expect(screen.queryByTestId('evidence-tracking-headline')).toBeNull();
});
