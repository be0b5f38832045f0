import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { request } from '@/lib/api';
import { serve } from '@/test/serve';
import { McfQueuePage } from './mcf-queue-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

afterEach(() => (request as unknown as jest.Mock).mockReset());

const held = {
  id: 'mcf-1',
  orderId: 'ord-1',
  mcfAccountId: 'acc-a',
  sellerFulfillmentOrderId: 'OH-WM-1',
  status: 'COMPLETE',
  amazonStatus: 'Complete',
  shippingSpeed: 'Standard',
  reason: null,
  held: true,
  createdAt: '2026-11-24T07:00:00.000Z',
  updatedAt: '2026-11-24T07:30:00.000Z',
  packages: [
    {
      packageNumber: 1,
      carrierCode: 'AMZL_US',
      trackingNumber: 'TBA1',
      shipmentId: null,
      holdReason: 'Walmart refuses Amazon Logistics.',
      movingAt: null,
      events: [],
    },
  ],
};

test('each tab asks for its orders; Held shows the hold reason and links the order', async () => {
  const calls = serve({ McfOrders: (variables) => ({ mcfOrders: variables.held ? [held] : [] }) });
  render(
    <MemoryRouter initialEntries={['/mcf']}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <McfQueuePage />
      </QueryClientProvider>
    </MemoryRouter>,
  );
  await screen.findByTestId('mcf-queue-empty');
  expect(calls[0].variables).toEqual({
    statuses: ['ROUTED', 'RECEIVED', 'PLANNING'],
    held: null,
    first: 50,
    before: null,
  });

  fireEvent.click(screen.getByTestId('mcf-tab-held'));
  expect((await screen.findByTestId('mcf-queue-hold')).textContent).toMatch(/Held: Walmart refuses Amazon Logistics/);
  expect(screen.getByTestId('mcf-queue-order').getAttribute('href')).toBe('/orders/ord-1');
  expect(screen.getByTestId('mcf-tab-held').getAttribute('aria-selected')).toBe('true');
  await waitFor(() => expect(calls.some((call) => call.variables.held === true)).toBe(true));
  expect(screen.queryByTestId('mcf-queue-more')).toBeNull();
});
