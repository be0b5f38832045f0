import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { request } from '@/lib/api';
import { account } from '@/features/accounts/test/account-fixtures';
import { order } from '@/features/shared/test/order-fixtures';
import { serve } from '@/test/serve';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { McfPanel } from './mcf-panel';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

const me = (role: string) => () => ({ me: { id: 't', name: 'ops', prefix: 'oh_', role } });
const accounts = () => ({
  channelAccounts: [
    account({ id: 'acc-a', channel: 'AMAZON', name: 'Amazon US' }),
    account({ id: 'acc-w', channel: 'WALMART', name: 'Walmart US' }),
  ],
});

function renderPanel(o: OrderDetail) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <MemoryRouter>
      <QueryClientProvider client={queryClient}>
        <McfPanel order={o} />
      </QueryClientProvider>
    </MemoryRouter>,
  );
}

afterEach(() => (request as unknown as jest.Mock).mockReset());

const mcfOrder: NonNullable<OrderDetail['mcfOrder']> = {
  id: 'mcf-1',
  orderId: 'ord-1',
  mcfAccountId: 'acc-a',
  sellerFulfillmentOrderId: 'OH-108829012345678',
  status: 'COMPLETE',
  amazonStatus: 'Complete',
  shippingSpeed: 'Standard',
  reason: null,
  held: true,
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T12:00:00.000Z',
  packages: [
    {
      packageNumber: 1,
      carrierCode: 'AMZL_US',
      trackingNumber: 'TBA123456789000',
      shipmentId: null,
      holdReason: 'Walmart refuses Amazon Logistics tracking: ship the order another way or cancel it.',
      movingAt: null,
      events: [
        {
          eventCode: 'EVENT_101',
          eventDate: '2026-11-23T11:00:00Z',
          eventDescription: 'Carrier picked up the package.',
        },
      ],
    },
  ],
};

test('a held package is explained loudly, with its carrier events and the order alert to acknowledge', async () => {
  const calls = serve({
    Me: me('OPERATOR'),
    Alerts: () => ({
      alerts: {
        edges: [
          {
            node: {
              id: 'al-1',
              kind: 'MCF_TRACKING_HELD',
              severity: 'HIGH',
              status: 'OPEN',
              orderId: 'ord-1',
              accountId: 'acc-w',
              message: 'Tracking for order 108829012345678 is held.',
              action: 'Ship it another way or cancel.',
              openedAt: '2026-11-23T12:00:00.000Z',
              resolvedAt: null,
              acknowledgedBy: null,
              acknowledgedAt: null,
            },
          },
        ],
      },
    }),
    AcknowledgeAlert: ({ id }) => ({ acknowledgeAlert: { id } }),
  });
  renderPanel(order({ fulfillmentMethod: 'MCF', mcfOrder }));
  const hold = screen.getByTestId('mcf-hold');
  expect(hold.getAttribute('role')).toBe('alert');
  expect(hold.textContent).toMatch(/Amazon Logistics/);
  expect(screen.getByTestId('mcf-sfo-id').textContent).toBe('OH-108829012345678');
  expect(screen.getByTestId('mcf-amazon-status').textContent).toMatch(/Complete/);
  expect(screen.getAllByTestId('mcf-event')).toHaveLength(1);
  expect(screen.queryByTestId('route-mcf')).toBeNull();

  expect((await screen.findByTestId('alert-action')).textContent).toMatch(/Ship it another way/);
  const ack = await screen.findByTestId<HTMLButtonElement>('alert-acknowledge');
  // Enabled once the role is known.
  await waitFor(() => expect(ack.disabled).toBe(false));
  fireEvent.click(ack);
  await waitFor(() =>
    expect(calls.some((call) => call.operation === 'AcknowledgeAlert' && call.variables.id === 'al-1')).toBe(true),
  );
});

test('an open Walmart order can be sent to Amazon MCF, and the reason it was not routed is shown', async () => {
  const calls = serve({
    Me: me('OPERATOR'),
    Alerts: () => ({ alerts: { edges: [] } }),
    ChannelAccounts: accounts,
    RouteOrdersToMcf: () => ({
      routeOrdersToMcf: [{ orderId: 'ord-1', outcome: 'NOT_ROUTED', reason: 'Amazon cannot fulfil SKU-1: no stock.' }],
    }),
  });
  renderPanel(order());
  const select = await screen.findByTestId<HTMLSelectElement>('route-mcf-account');
  await within(select).findByText('Amazon US');
  expect([...select.options].map((o) => o.textContent)).toEqual(['Amazon US']);
  const submit = screen.getByTestId<HTMLButtonElement>('route-mcf-submit');
  await waitFor(() => expect(submit.disabled).toBe(false));
  fireEvent.click(submit);
  expect((await screen.findByTestId('route-mcf-outcome')).dataset.outcome).toBe('NOT_ROUTED');
  expect(screen.getByTestId('route-mcf-reason').textContent).toMatch(/Amazon cannot fulfil/);
  expect(calls.find((call) => call.operation === 'RouteOrdersToMcf')!.variables).toEqual({
    orderIds: ['ord-1'],
    mcfAccountId: 'acc-a',
  });
});

test('a VIEWER sees the route button disabled', async () => {
  serve({ Me: me('VIEWER'), Alerts: () => ({ alerts: { edges: [] } }), ChannelAccounts: accounts });
  renderPanel(order());
  await screen.findByText('Amazon US');
  const submit = screen.getByTestId<HTMLButtonElement>('route-mcf-submit');
  await waitFor(() => expect(submit.title).toMatch(/VIEWER/));
  expect(submit.disabled).toBe(true);
});
