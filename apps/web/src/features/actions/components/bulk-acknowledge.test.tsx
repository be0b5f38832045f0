import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ApiRole } from '@/gql/graphql';
import { request } from '@/lib/api';
import type { OrderRow } from '@/features/shared/api/orders.graphql';
import { serve } from '@/test/serve';
import { BulkAcknowledge } from './bulk-acknowledge';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

const row = (id: string, channelOrderId: string) => ({ id, channelOrderId }) as OrderRow;
const selected = [row('o-1', 'PO-1'), row('o-2', 'PO-2')];

function setup(role: ApiRole) {
  const onDone = jest.fn();
  const calls = serve({
    Me: () => ({ me: { id: 't', name: 'tester', prefix: 'oh_t', role } }),
    AcknowledgeOrders: () => ({
      acknowledgeOrders: [
        { orderId: 'o-1', outcome: 'QUEUED', message: null },
        { orderId: 'o-2', outcome: 'REFUSED', message: 'The account is disabled.' },
      ],
    }),
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <BulkAcknowledge selected={selected} onDone={onDone} />
    </QueryClientProvider>,
  );
  return { calls, onDone };
}

afterEach(() => (request as unknown as jest.Mock).mockReset());

test('acknowledges the selected orders and shows each outcome by order number', async () => {
  const { calls, onDone } = setup('OPERATOR');
  const button = screen.getByTestId<HTMLButtonElement>('acknowledge-selected');
  await waitFor(() => expect(button.disabled).toBe(false));
  expect(button.textContent).toBe('Acknowledge selected (2)');
  fireEvent.click(button);

  await screen.findByTestId('acknowledge-results');
  expect(calls.find((c) => c.operation === 'AcknowledgeOrders')!.variables).toEqual({ ids: ['o-1', 'o-2'] });
  const results = screen
    .getAllByTestId('acknowledge-result')
    .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
  expect(results).toEqual([
    ['PO-1', 'QUEUED', ''],
    ['PO-2', 'REFUSED', 'The account is disabled.'],
  ]);
  expect(onDone).toHaveBeenCalled();
});

test('a VIEWER sees the button disabled with the reason', async () => {
  setup('VIEWER');
  const button = screen.getByTestId<HTMLButtonElement>('acknowledge-selected');
  await waitFor(() => expect(button.title).toMatch(/OPERATOR/));
  expect(button.disabled).toBe(true);
});
