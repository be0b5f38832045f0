import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ApiRole } from '@/gql/graphql';
import { request } from '@/lib/api';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { outboxEntry } from '@/features/shared/test/order-fixtures';
import { serve } from '@/test/serve';
import { OutboxPage } from './outbox-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

const failedShip = outboxEntry({
  id: 'ob-ship',
  operation: 'SHIP',
  status: 'FAILED',
  attempts: 1,
  lastErrorCode: 'CHANNEL_REJECTED',
  lastError: 'WALMART 400: Invalid tracking number',
  payload: {
    channelOrderId: 'PO-77',
    carrier: 'UPS',
    trackingNumber: '1Z999AA10123456780',
    trackingUrl: null,
    service: 'Ground',
    carrierName: null,
  },
});
const deadCancel = outboxEntry({
  id: 'ob-cancel',
  operation: 'CANCEL',
  status: 'DEAD',
  attempts: 8,
  lastError: 'timeout',
  refusal: 'Gave up after 8 attempts: timeout',
  payload: { channelOrderId: 'PO-78', lines: [{ lineNumber: '1', quantity: 1, reason: 'SELLER_CANCEL_OUT_OF_STOCK' }] },
});
const failedAck = outboxEntry({
  id: 'ob-ack',
  operation: 'ACKNOWLEDGE',
  status: 'FAILED',
  attempts: 1,
  lastError: 'WALMART 400',
  payload: { channelOrderId: 'PO-79' },
});

function setup(role: ApiRole, retryError?: Error) {
  const calls = serve({
    Me: () => ({ me: { id: 't', name: 'tester', prefix: 'oh_t', role } }),
    OutboxEntries: () => ({
      outboxEntries: {
        pageInfo: { endCursor: null, hasNextPage: false },
        edges: [failedShip, deadCancel, failedAck].map((node) => ({ node })),
      },
    }),
    RetryOutboxEntry: (variables) => {
      if (retryError) throw retryError;
      return { retryOutboxEntry: { ...failedShip, status: 'PENDING', id: variables.id as string } };
    },
    DiscardOutboxEntry: (variables) => ({
      discardOutboxEntry: { ...deadCancel, discardReason: variables.reason as string },
    }),
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
  // Shipments are corrected by carrier and tracking, cancellations and refunds by reason; an acknowledgement is only resent.
  expect(within(row('ob-cancel')).getByTestId('outbox-fix').textContent).toBe('Fix and resend');
  expect(within(row('ob-ack')).queryByTestId('outbox-fix')).toBeNull();
});

test('Fix and resend opens a dialog with the shipment as it was sent and sends the corrected tracking; Resend sends none', async () => {
  const calls = setup('OPERATOR');
  await screen.findByTestId('outbox-table');
  fireEvent.click(within(row('ob-ship')).getByTestId('outbox-fix'));
  const dialog = screen.getByRole('dialog', { name: 'Fix and resend shipment' });
  expect(within(dialog).getByTestId('fix-resend-refusal').textContent).toContain(
    'WALMART 400: Invalid tracking number',
  );
  expect(within(dialog).getByTestId<HTMLInputElement>('field-trackingNumber').value).toBe('1Z999AA10123456780');
  expect(within(dialog).getByTestId<HTMLInputElement>('field-service').value).toBe('Ground');
  // The dialog takes the focus, so the keyboard starts in it.
  expect(dialog.contains(document.activeElement)).toBe(true);
  fireEvent.change(within(dialog).getByTestId('field-trackingNumber'), { target: { value: '1Z999AA10123456784' } });
  fireEvent.click(within(dialog).getByTestId('field-intentToCancelOverride'));
  fireEvent.click(within(dialog).getByTestId('fix-resend-submit'));
  await waitFor(() => expect(calls.some((c) => c.operation === 'RetryOutboxEntry')).toBe(true));
  expect(calls.find((c) => c.operation === 'RetryOutboxEntry')!.variables).toEqual({
    id: 'ob-ship',
    fix: {
      carrier: 'UPS',
      carrierName: null,
      trackingNumber: '1Z999AA10123456784',
      trackingUrl: null,
      service: 'Ground',
      intentToCancelOverride: true,
    },
  });
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

  fireEvent.click(within(row('ob-ack')).getByTestId('outbox-retry'));
  await waitFor(() => expect(calls.filter((c) => c.operation === 'RetryOutboxEntry')).toHaveLength(2));
  expect(calls.filter((c) => c.operation === 'RetryOutboxEntry')[1].variables).toEqual({ id: 'ob-ack' });
});

test('Fix and resend of a cancellation offers the reasons, starting from the one sent', async () => {
  const calls = setup('OPERATOR');
  await screen.findByTestId('outbox-table');
  fireEvent.click(within(row('ob-cancel')).getByTestId('outbox-fix'));
  const dialog = screen.getByRole('dialog', { name: 'Fix and resend cancellation' });
  const reason = within(dialog).getByTestId<HTMLSelectElement>('field-reason');
  expect(reason.value).toBe('SELLER_CANCEL_OUT_OF_STOCK');
  expect(document.activeElement).toBe(reason);
  fireEvent.change(reason, { target: { value: 'SELLER_CANCEL_PRICING_ERROR' } });
  fireEvent.click(within(dialog).getByTestId('fix-resend-submit'));
  await waitFor(() => expect(calls.some((c) => c.operation === 'RetryOutboxEntry')).toBe(true));
  expect(calls.find((c) => c.operation === 'RetryOutboxEntry')!.variables).toEqual({
    id: 'ob-cancel',
    fix: { reason: 'SELLER_CANCEL_PRICING_ERROR' },
  });
});

test('a fix the rules refuse stays open with the rule beside the field it names', async () => {
  const violation = {
    code: 'AMAZON_LOGISTICS_ON_WALMART',
    severity: 'BLOCK',
    field: 'fix.trackingNumber',
    message: 'Walmart does not accept Amazon Logistics tracking.',
  };
  setup(
    'OPERATOR',
    new GraphQLRequestError('Blocked', 'RULE_VIOLATION', [
      { message: 'Blocked', extensions: { code: 'RULE_VIOLATION', violations: [violation] } },
    ]),
  );
  await screen.findByTestId('outbox-table');
  fireEvent.click(within(row('ob-ship')).getByTestId('outbox-fix'));
  const dialog = screen.getByRole('dialog');
  fireEvent.change(within(dialog).getByTestId('field-trackingNumber'), { target: { value: 'TBA304918275012' } });
  fireEvent.click(within(dialog).getByTestId('fix-resend-submit'));
  const beside = await within(dialog).findByTestId('violations-trackingNumber');
  expect(beside.textContent).toContain('Walmart does not accept Amazon Logistics tracking.');
  expect(within(dialog).getByTestId('field-trackingNumber').getAttribute('aria-invalid')).toBe('true');
});

test('Escape closes the Fix and resend dialog without sending', async () => {
  const calls = setup('OPERATOR');
  await screen.findByTestId('outbox-table');
  fireEvent.click(within(row('ob-ship')).getByTestId('outbox-fix'));
  fireEvent.keyDown(screen.getByTestId('field-trackingNumber'), { key: 'Escape' });
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(calls.some((c) => c.operation === 'RetryOutboxEntry')).toBe(false);
});

test('Discard needs a reason', async () => {
  const calls = setup('ADMIN');
  await screen.findByTestId('outbox-table');
  const cancel = row('ob-cancel');
  fireEvent.click(within(cancel).getByTestId('outbox-discard'));
  const confirm = within(cancel).getByTestId<HTMLButtonElement>('discard-submit');
  expect(confirm.disabled).toBe(true);
  fireEvent.change(within(cancel).getByTestId('discard-reason'), {
    target: { value: 'Cancelled by phone with Walmart support' },
  });
  expect(confirm.disabled).toBe(false);
  fireEvent.click(confirm);
  await waitFor(() => expect(calls.some((c) => c.operation === 'DiscardOutboxEntry')).toBe(true));
  expect(calls.find((c) => c.operation === 'DiscardOutboxEntry')!.variables).toEqual({
    id: 'ob-cancel',
    reason: 'Cancelled by phone with Walmart support',
  });
});

test('a VIEWER sees the actions disabled with the reason', async () => {
  setup('VIEWER');
  await screen.findByTestId('outbox-table');
  await waitFor(() =>
    expect(within(row('ob-ship')).getByTestId<HTMLButtonElement>('outbox-retry').disabled).toBe(true),
  );
  expect(within(row('ob-ship')).getByTestId('outbox-retry').getAttribute('title')).toMatch(/OPERATOR/);
  expect(screen.getByTestId('role-notice').textContent).toMatch(/VIEWER/);
});
