import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { request } from '@/lib/api';
import { serve } from '@/test/serve';
import { returnLine, returnOf } from '../test/return-fixtures';
import { OrderReturns } from './order-returns';
import { ReturnsNavLink } from './returns-nav-link';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

afterEach(() => (request as unknown as jest.Mock).mockReset());

function renderIn(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MemoryRouter>
      <QueryClientProvider client={client}>{node}</QueryClientProvider>
    </MemoryRouter>,
  );
  return client;
}

test("the order page lists the order's returns with their reasons in words, receipt in the account's zone and clock", async () => {
  const calls = serve({
    OrderReturns: () => ({
      order: {
        id: 'ord-1',
        returns: [
          returnOf({
            lines: [returnLine(), returnLine({ returnLineNumber: '2', reasonLabel: 'No longer wanted' })],
          }),
        ],
      },
    }),
  });
  renderIn(<OrderReturns orderId="ord-1" timeZone="America/New_York" />);
  const row = await screen.findByTestId('order-return');
  expect(calls[0].variables).toEqual({ id: 'ord-1' });
  expect(within(row).getByTestId('order-return-reason').textContent).toBe('Damaged; No longer wanted');
  expect(within(row).getByTestId('order-return-link').getAttribute('href')).toBe('/returns/ret-1');
  expect(within(row).getByTestId('refund-clock').textContent).toBe('Refund due in 5 h');
  expect(row.textContent).toContain('Nov 30, 13:00 EST');
});

test('an order without returns shows no section', async () => {
  const calls = serve({ OrderReturns: () => ({ order: { id: 'ord-2', returns: [] } }) });
  const client = renderIn(<OrderReturns orderId="ord-2" timeZone="UTC" />);
  await waitFor(() => expect(calls).toHaveLength(1));
  await waitFor(() => expect(client.isFetching()).toBe(0));
  expect(client.getQueryData(['returns', 'detail', 'order:ord-2'])).toEqual({ order: { id: 'ord-2', returns: [] } });
  expect(screen.queryByTestId('order-returns')).toBeNull();
});

test('the header link counts refunds due over every channel, in red when one is overdue', async () => {
  serve({
    ReturnCounts: (variables) => ({
      returnCounts:
        variables.channel === 'WALMART'
          ? { refundsDue: 2, dueSoon: 1, overdue: 1, refundedByChannel30d: 0 }
          : { refundsDue: 3, dueSoon: 0, overdue: 0, refundedByChannel30d: 0 },
    }),
  });
  renderIn(<ReturnsNavLink />);
  const count = await screen.findByTestId('nav-returns-count');
  expect(count.textContent).toBe('5');
  expect(count.className).toBe('count alert');
  expect(count.getAttribute('aria-label')).toBe('5 refunds due, 1 overdue');
});
