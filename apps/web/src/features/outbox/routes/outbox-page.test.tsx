import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ApiRole } from '../../../gql/graphql';
import { request } from '../../../lib/api';
import { outboxEntry } from '../../actions/test/order-fixtures';
import { serve } from '../../actions/test/serve';
import { OutboxPage } from './outbox-page';

jest.mock('../../../lib/api', () => ({ request: jest.fn() }));

const failedShip = outboxEntry({
  id: 'ob-ship',
  operation: 'SHIP',
  status: 'FAILED',
  attempts: 1,
  lastErrorCode: 'CHANNEL_REJECTED',
  lastError: 'WALMART 400: Invalid tracking number',
  payload: { channelOrderId: 'PO-77', carrier: 'UPS', trackingNumber: '1Z999AA10123456780', trackingUrl: null, service: 'Ground', carrierName: null },
});
const deadCancel = outboxEntry({ id: 'ob-cancel', operation: 'CANCEL', status: 'DEAD', attempts: 8, lastError: 'timeout', payload: { channelOrderId: 'PO-78' } });

function setup(role: ApiRole) {
  const calls = serve({
    Me: () => ({ me: { id: 't', name: 'tester', prefix: 'oh_t', role } }),
    OutboxEntries: () => ({
      outboxEntries: { pageInfo: { endCursor: null, hasNextPage: false }, edges: [failedShip, deadCancel].map((node) => ({ node })) },
    }),
    RetryOutboxEntry: (variables) => ({ retryOutboxEntry: { ...failedShip, status: 'PENDING', id: variables.id as string } }),
    DiscardOutboxEntry: (variables) => ({ discardOutboxEntry: { ...deadCancel, discardReason: variables.reason as string } }),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={['/outbox']}>
        <OutboxPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return calls;
}

const row = (id: string) => screen.getAllByTestId('outbox-row').find((tr) => tr.dataset.entryId === id)!;

afterEach(() => (request as unknown as jest.Mock).mockReset());

test('lists FAILED and DEAD entries with the channel message, order link and attempts', async () => {
  const calls = setup('OPERATOR');
  await screen.findByTestId('outbox-table');
  expect(calls.find((c) => c.operation === 'OutboxEntries')!.variables.statuses).toEqual(['FAILED', 'DEAD']);
  const ship = row('ob-ship');
  expect(within(ship).getByTestId('outbox-row-error').textContent).toContain('WALMART 400: Invalid tracking number');
  expect(within(ship).getByTestId('outbox-order-link').textContent).toBe('PO-77');
  expect(within(ship).getByTestId('outbox-order-link').getAttribute('href')).toBe('/orders/ord-1');
  // Only shipments can be corrected before a retry.
  expect(within(row('ob-cancel')).queryByTestId('outbox-fix')).toBeNull();
});

test('Fix & retry sends the corrected tracking; Retry sends none', async () => {
  const calls = setup('OPERATOR');
  await screen.findByTestId('outbox-table');
  const ship = row('ob-ship');
  fireEvent.click(within(ship).getByTestId('outbox-fix'));
  expect(within(ship).getByTestId<HTMLInputElement>('fix-trackingNumber').value).toBe('1Z999AA10123456780');
  fireEvent.change(within(ship).getByTestId('fix-trackingNumber'), { target: { value: '1Z999AA10123456784' } });
  fireEvent.click(within(ship).getByTestId('fix-submit'));
  await waitFor(() => expect(calls.some((c) => c.operation === 'RetryOutboxEntry')).toBe(true));
  expect(calls.find((c) => c.operation === 'RetryOutboxEntry')!.variables).toEqual({
    id: 'ob-ship',
    fix: { carrier: 'UPS', carrierName: null, trackingNumber: '1Z999AA10123456784', trackingUrl: null, service: 'Ground' },
  });

  fireEvent.click(within(row('ob-cancel')).getByTestId('outbox-retry'));
  await waitFor(() => expect(calls.filter((c) => c.operation === 'RetryOutboxEntry')).toHaveLength(2));
  expect(calls.filter((c) => c.operation === 'RetryOutboxEntry')[1].variables).toEqual({ id: 'ob-cancel' });
});

test('Discard needs a reason', async () => {
  const calls = setup('ADMIN');
  await screen.findByTestId('outbox-table');
  const cancel = row('ob-cancel');
  fireEvent.click(within(cancel).getByTestId('outbox-discard'));
  const confirm = within(cancel).getByTestId<HTMLButtonElement>('discard-submit');
  expect(confirm.disabled).toBe(true);
  fireEvent.change(within(cancel).getByTestId('discard-reason'), { target: { value: 'Cancelled by phone with Walmart support' } });
  expect(confirm.disabled).toBe(false);
  fireEvent.click(confirm);
  await waitFor(() => expect(calls.some((c) => c.operation === 'DiscardOutboxEntry')).toBe(true));
  expect(calls.find((c) => c.operation === 'DiscardOutboxEntry')!.variables).toEqual({ id: 'ob-cancel', reason: 'Cancelled by phone with Walmart support' });
});

test('a VIEWER sees the actions disabled with the reason', async () => {
  setup('VIEWER');
  await screen.findByTestId('outbox-table');
  await waitFor(() => expect(within(row('ob-ship')).getByTestId<HTMLButtonElement>('outbox-retry').disabled).toBe(true));
  expect(within(row('ob-ship')).getByTestId('outbox-retry').getAttribute('title')).toMatch(/OPERATOR/);
  expect(screen.getByTestId('role-notice').textContent).toMatch(/VIEWER/);
});
