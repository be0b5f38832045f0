import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { request } from '@/lib/api';
import { serve } from '@/test/serve';
import { buyerMessage, mailMessage } from '../test/message-fixtures';
import { MessagesNavLink } from './messages-nav-link';
import { OrderMessages } from './order-messages';

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

test("the order page's Messages section lists the order's buyer messages and the mail read about it", async () => {
  const calls = serve({
    OrderMessages: () => ({
      order: { id: 'ord-1', buyerMessages: [buyerMessage()], mailMessages: [mailMessage({ orders: [] })] },
    }),
  });
  renderIn(<OrderMessages orderId="ord-1" timeZone="America/Chicago" />);
  const section = await screen.findByTestId('order-messages');
  expect(calls[0].variables).toEqual({ id: 'ord-1' });
  expect(within(section).getByTestId('buyer-message-clock').textContent).toBe('answer within 11 h');
  expect(within(section).getByTestId('mail-message-received').textContent).toBe('Dec 2, 09:30 CST');
});

test('an order with no message and no mail shows no section', async () => {
  const calls = serve({ OrderMessages: () => ({ order: { id: 'ord-2', buyerMessages: [], mailMessages: [] } }) });
  const client = renderIn(<OrderMessages orderId="ord-2" timeZone="UTC" />);
  await waitFor(() => expect(calls.filter((call) => call.operation === 'OrderMessages')).toHaveLength(1));
  await waitFor(() => expect(client.isFetching()).toBe(0));
  expect(screen.queryByTestId('order-messages')).toBeNull();
});

test('the header link counts the buyer messages waiting for an answer, red when one is overdue', async () => {
  serve({ BuyerMessageCounts: () => ({ buyerMessageCounts: { open: 2, dueSoon: 1, overdue: 1 } }) });
  renderIn(<MessagesNavLink />);
  const count = await screen.findByTestId('nav-messages-count');
  expect(count.textContent).toBe('4');
  expect(count.className).toBe('count alert');
  expect(count.getAttribute('aria-label')).toBe('4 buyer messages waiting for an answer, 1 overdue');
});
