import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { request } from '@/lib/api';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { serve } from '@/test/serve';
import type { TrackingHoldView } from '../api/carrier-tracking.graphql';
import { TrackingHolds } from './tracking-holds';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));
afterEach(() => (request as unknown as jest.Mock).mockReset());

const me = (role: string) => () => ({ me: { id: 't', name: 'ops', prefix: 'oh_', role } });
const hold = (overrides: Partial<TrackingHoldView> = {}): TrackingHoldView => ({
  shipmentId: 'sh-1',
  operation: 'SHIP',
  trackingNumber: '1Z999AA10123456784',
  carrier: 'UPS',
  heldSince: '2026-12-03T15:00:00.000Z',
  releaseBy: '2026-12-04T20:00:00.000Z',
  releasedAt: null,
  releaseReason: null,
  ...overrides,
});

function renderHolds(holds: TrackingHoldView[]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <TrackingHolds holds={holds} timeZone="America/Chicago" />
    </QueryClientProvider>,
  );
}

test('a held confirmation shows its deadline in the account’s zone; an operator confirms it now', async () => {
  const calls = serve({
    Me: me('OPERATOR'),
    ReleaseTrackingHold: () => ({
      releaseTrackingHold: [hold({ releasedAt: '2026-12-03T16:00:00.000Z', releaseReason: 'MANUAL' })],
    }),
  });
  renderHolds([
    hold(),
    hold({
      shipmentId: 'sh-2',
      trackingNumber: '9400111899223197428490',
      carrier: 'USPS',
      releasedAt: '2026-12-03T18:00:00.000Z',
      releaseReason: 'FIRST_SCAN',
    }),
  ]);
  const [held, released] = screen.getAllByTestId('tracking-hold');
  expect(within(held).getByTestId('tracking-hold-release-by').textContent).toBe('Dec 4, 14:00 CST');
  expect(released.dataset.released).toBe('true');
  expect(within(released).getByTestId('tracking-hold-state').textContent).toBe(
    'Sent to the channel at the first carrier scan, Dec 3, 12:00 CST',
  );
  expect(within(released).queryByTestId('tracking-hold-confirm')).toBeNull();

  const confirm = within(held).getByTestId<HTMLButtonElement>('tracking-hold-confirm');
  await waitFor(() => expect(confirm.disabled).toBe(false));
  fireEvent.click(confirm);
  await waitFor(() => expect(calls.some((call) => call.operation === 'ReleaseTrackingHold')).toBe(true));
  expect(calls.find((call) => call.operation === 'ReleaseTrackingHold')!.variables).toEqual({ shipmentId: 'sh-1' });
});

test('a viewer sees the hold but cannot confirm it, and is told why', async () => {
  serve({ Me: me('VIEWER') });
  renderHolds([hold()]);
  await screen.findByTestId('tracking-hold-denied');
  expect(screen.getByTestId<HTMLButtonElement>('tracking-hold-confirm').disabled).toBe(true);
  expect(screen.getByTestId('tracking-hold-denied').textContent).toBe(
    'Order actions need the OPERATOR role; you are a VIEWER.',
  );
});

test('a refused "Confirm now" says so in words', async () => {
  serve({
    Me: me('ADMIN'),
    ReleaseTrackingHold: () => {
      throw new GraphQLRequestError('This hold was already released at the first scan.', 'CONFLICT');
    },
  });
  renderHolds([hold()]);
  const confirm = screen.getByTestId<HTMLButtonElement>('tracking-hold-confirm');
  await waitFor(() => expect(confirm.disabled).toBe(false));
  fireEvent.click(confirm);
  expect((await screen.findByTestId('error-message')).textContent).toBe(
    'This hold was already released at the first scan.',
  );
});

test('no holds: nothing shown', () => {
  serve({ Me: me('ADMIN') });
  renderHolds([]);
  expect(screen.queryByTestId('tracking-holds')).toBeNull();
});
