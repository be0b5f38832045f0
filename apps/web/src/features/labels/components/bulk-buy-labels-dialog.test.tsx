import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { request } from '@/lib/api';
import { serve } from '@/test/serve';
import { BulkBuyLabelsDialog } from './bulk-buy-labels-dialog';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

function label(id: string, amountCents: number) {
  return {
    id,
    orderId: `ord-${id}`,
    source: 'PROVIDER',
    status: 'PURCHASED',
    carrier: 'UPS',
    carrierName: 'UPS',
    service: 'Ground',
    serviceName: 'UPS Ground',
    trackingNumber: `1Z${id}`,
    amountCents,
    currency: 'USD',
    format: 'PDF',
    purchasedAt: '2026-12-04T12:00:00Z',
    voidedAt: null,
    voidableUntil: null,
    documentUrl: `/api/labels/${id}/document`,
    confirmedByChannel: false,
    failure: null,
  };
}

function renderDialog(orderIds: string[], leftOut = 0) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <BulkBuyLabelsDialog orderIds={orderIds} leftOut={leftOut} onClose={jest.fn()} />
    </QueryClientProvider>,
  );
}

afterEach(() => (request as unknown as jest.Mock).mockReset());

test('buys with the chosen rule, sums what was bought, lists each failure in words and offers Print all', async () => {
  const calls = serve({
    BuyLabels: () => ({
      buyLabels: {
        bought: [label('a', 812), label('b', 1020)],
        failed: [{ orderId: 'ord-c', orderNumber: '1088', message: 'No rate meets the ship-by date.' }],
        documentUrl: '/api/labels/batch.pdf?ids=a,b',
      },
    }),
  });
  renderDialog(['ord-a', 'ord-b', 'ord-c'], 1);
  expect(screen.getByTestId('bulk-labels-dialog').textContent).toContain('1 order is left out');
  fireEvent.click(screen.getByTestId('bulk-labels-choice-FASTEST_ON_TIME'));
  fireEvent.click(screen.getByTestId('bulk-labels-buy'));

  expect((await screen.findByTestId('bulk-labels-summary')).textContent).toBe(
    'Bought 2 labels for $18.32; 1 order failed.',
  );
  expect(screen.getByTestId('bulk-labels-failure').textContent).toBe('1088: No rate meets the ship-by date.');
  expect(screen.getByTestId('bulk-labels-print').getAttribute('href')).toBe('/api/labels/batch.pdf?ids=a,b');
  expect(calls[0].variables).toEqual({
    input: { orderIds: ['ord-a', 'ord-b', 'ord-c'], choice: 'FASTEST_ON_TIME', format: 'PDF' },
  });
});

test('more than the api takes at once is refused before asking, in words', () => {
  const calls = serve({});
  renderDialog(Array.from({ length: 101 }, (_, i) => `ord-${i}`));
  expect(screen.getByTestId<HTMLButtonElement>('bulk-labels-buy').disabled).toBe(true);
  expect(screen.getByTestId('bulk-labels-too-many').textContent).toBe('At most 100 orders at a time: select fewer.');
  expect(calls).toEqual([]);
});
