import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { request } from '@/lib/api';
import { serve } from '@/test/serve';
import { authQueryKeys } from '@/features/auth/api/auth.hooks';
import { order } from '@/features/shared/test/order-fixtures';
import { hoursFromNow, intakeOf, NOW, purchaseOrderOf, supplierOf } from '../test/supplier-fixtures';
import { SuppliersPage } from './suppliers-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

beforeEach(() => {
  jest.useFakeTimers({
    now: NOW,
    doNotFake: ['setTimeout', 'clearTimeout', 'queueMicrotask', 'nextTick', 'setImmediate'],
  });
});
afterEach(() => {
  jest.useRealTimers();
  (request as unknown as jest.Mock).mockReset();
});

const connection = <T,>(nodes: T[]) => ({
  totalCount: nodes.length,
  pageInfo: { hasNextPage: false, endCursor: null },
  edges: nodes.map((node) => ({ node })),
});

function renderPage(path: string, handlers: Parameters<typeof serve>[0] = {}, role = 'OPERATOR') {
  const calls = serve({
    Suppliers: () => ({ suppliers: [supplierOf()] }),
    WaitingPurchaseOrderCount: () => ({ purchaseOrders: { totalCount: 2 } }),
    WaitingPurchaseOrders: () => ({
      purchaseOrders: connection([
        purchaseOrderOf(),
        purchaseOrderOf({
          id: 'po-2',
          number: 'PO-261203-4',
          trackingDueAt: hoursFromNow(-2),
          trackingState: 'MISSED',
          order: {
            id: 'ord-2',
            channel: 'AMAZON',
            channelOrderId: '112-1234567-1234567',
            account: { timeZone: 'America/New_York' },
          },
        }),
      ]),
    }),
    // Each held row comes with its order in the same query.
    HeldTrackingIntake: () => ({
      trackingIntake: connection([
        {
          ...intakeOf(),
          order: {
            id: 'ord-1',
            channel: 'WALMART',
            channelOrderId: '108829012345678',
            account: { timeZone: 'America/Chicago' },
          },
        },
      ]),
    }),
    Order: () => ({ order: order() }),
    ...handlers,
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(authQueryKeys.me(), { me: { id: 't', name: 'tester', prefix: 'oh_t', role } });
  render(
    <MemoryRouter initialEntries={[path]}>
      <QueryClientProvider client={client}>
        <SuppliersPage />
      </QueryClientProvider>
    </MemoryRouter>,
  );
  return calls;
}

test('the waiting tab lists purchase orders soonest due first, each with its clock in words and the order', async () => {
  const calls = renderPage('/suppliers?tab=waiting');
  const rows = await screen.findAllByTestId('waiting-row');
  expect(rows).toHaveLength(2);
  expect(within(rows[0]).getByTestId('supplier-clock').textContent).toBe('due in 5 h');
  expect(within(rows[0]).getByTestId('supplier-clock-due').textContent).toBe(' (by Dec 4, 11:30 CST)');
  expect(within(rows[0]).getByTestId('supplier-order-link').getAttribute('href')).toBe(
    '/orders/walmart/108829012345678',
  );
  expect(within(rows[1]).getByTestId('supplier-clock').textContent).toBe('missed 2 h ago');
  expect(within(rows[1]).getByTestId('supplier-clock').dataset.tone).toBe('alert');
  expect(within(rows[1]).getByTestId('waiting-supplier').textContent).toBe('Acme Toys');
  expect(screen.getByTestId('suppliers-waiting-count').textContent).toBe('2');
  expect(screen.getByTestId('suppliers-tab-waiting').getAttribute('aria-selected')).toBe('true');
  expect(calls.find((c) => c.operation === 'WaitingPurchaseOrders')!.variables).toEqual({ first: 50, after: null });
});

test('tabs move with the arrow keys', async () => {
  renderPage('/suppliers');
  await screen.findAllByTestId('supplier-row');
  fireEvent.keyDown(screen.getByTestId('suppliers-tab-suppliers'), { key: 'ArrowRight' });
  await screen.findAllByTestId('waiting-row');
  expect(document.activeElement).toBe(screen.getByTestId('suppliers-tab-waiting'));
  fireEvent.keyDown(screen.getByTestId('suppliers-tab-waiting'), { key: 'ArrowRight' });
  await screen.findAllByTestId('review-row');
});

test('a held row reads its reason in words; approving a corrected number runs the ship rules as typed', async () => {
  const calls = renderPage('/suppliers?tab=review', {
    ApproveTrackingIntake: (variables) => ({
      approveTrackingIntake: intakeOf({ status: 'APPLIED', trackingNumber: variables.trackingNumber as string }),
    }),
  });
  const row = await screen.findByTestId('review-row');
  expect(within(row).getByTestId('review-reasons').textContent).toBe(
    'The e-mail names two orders: 108829012345678 and 108829012345679.',
  );
  expect(within(row).getByTestId('review-via').textContent).toBe('E-mail from the supplier from Acme Toys');
  await waitFor(() =>
    expect(within(row).getByTestId('supplier-order-link').textContent).toBe('Walmart 108829012345678'),
  );

  fireEvent.click(within(row).getByTestId('review-approve'));
  const dialog = await screen.findByTestId('approve-intake-dialog');
  const number = await within(dialog).findByTestId('approve-tracking-number');
  expect((number as HTMLInputElement).value).toBe('1Z999AA10123456784');
  // A wrong check digit: the rules block it beside the input, and Approve cannot be pressed.
  fireEvent.change(number, { target: { value: '1Z999AA10123456785' } });
  const blocked = within(dialog).getByTestId('approve-violations-trackingNumber');
  expect(within(blocked).getAllByTestId('violation')[0].dataset.severity).toBe('BLOCK');
  expect(within(dialog).getByTestId<HTMLButtonElement>('approve-intake-submit').disabled).toBe(true);
  // Amazon Logistics on a Walmart order: blocked by the same rule as the ship dialog.
  fireEvent.change(within(dialog).getByTestId('approve-carrier'), { target: { value: 'AMAZON_LOGISTICS' } });
  expect(
    within(within(dialog).getByTestId('approve-violations-carrier')).getAllByTestId('violation')[0].dataset.code,
  ).toBe('AMAZON_LOGISTICS_ON_WALMART');
  fireEvent.change(within(dialog).getByTestId('approve-carrier'), { target: { value: 'UPS' } });
  fireEvent.change(number, { target: { value: '1Z 999 AA1 01 2345 6784' } });
  expect(within(dialog).queryByTestId('approve-violations-trackingNumber')).toBeNull();
  fireEvent.click(within(dialog).getByTestId('approve-intake-submit'));
  expect((await screen.findByTestId('review-notice')).textContent).toBe(
    'Tracking 1Z 999 AA1 01 2345 6784 applied to order 108829012345678.',
  );
  expect(calls.find((c) => c.operation === 'ApproveTrackingIntake')!.variables).toEqual({
    id: 'in-1',
    carrier: null,
    carrierName: null,
    trackingNumber: '1Z 999 AA1 01 2345 6784',
  });
});

test('dismissing needs a note, and sends it', async () => {
  const calls = renderPage('/suppliers?tab=review', {
    DismissTrackingIntake: () => ({ dismissTrackingIntake: intakeOf({ status: 'DISMISSED', note: 'duplicate' }) }),
  });
  fireEvent.click(await screen.findByTestId('review-dismiss'));
  const dialog = await screen.findByTestId('dismiss-intake-dialog');
  fireEvent.click(within(dialog).getByTestId('dismiss-intake-submit'));
  expect(within(dialog).getByTestId('dismiss-intake-note-error').textContent).toBe('Say why it is dismissed.');
  expect(calls.some((c) => c.operation === 'DismissTrackingIntake')).toBe(false);
  fireEvent.change(within(dialog).getByTestId('dismiss-intake-note'), { target: { value: ' Sent twice ' } });
  fireEvent.click(within(dialog).getByTestId('dismiss-intake-submit'));
  await screen.findByTestId('review-notice');
  expect(calls.find((c) => c.operation === 'DismissTrackingIntake')!.variables).toEqual({
    id: 'in-1',
    note: 'Sent twice',
  });
});

test('a viewer sees the queue without Approve or Dismiss, and no Add supplier', async () => {
  renderPage('/suppliers?tab=review', {}, 'VIEWER');
  const row = await screen.findByTestId('review-row');
  expect(within(row).queryByTestId('review-approve')).toBeNull();
  expect(screen.queryByTestId('supplier-add')).toBeNull();
});

test("an operator may not add a supplier (where purchase orders go is an admin's to set)", () => {
  renderPage('/suppliers');
  expect(screen.queryByTestId('supplier-add')).toBeNull();
});

test('adding a supplier names each wrong field, then sends the input', async () => {
  const calls = renderPage(
    '/suppliers',
    {
      CreateSupplier: (variables) => ({ createSupplier: supplierOf({ id: 'sup-2', ...(variables.input as object) }) }),
    },
    'ADMIN',
  );
  fireEvent.click(screen.getByTestId('supplier-add'));
  const dialog = await screen.findByTestId('supplier-dialog');
  fireEvent.click(within(dialog).getByTestId('supplier-save'));
  expect(within(dialog).getByTestId('supplier-name-error').textContent).toBe('Give the supplier a name.');
  expect(within(dialog).getByTestId('supplier-name').getAttribute('aria-invalid')).toBe('true');
  fireEvent.change(within(dialog).getByTestId('supplier-name'), { target: { value: 'Blocks Co' } });
  fireEvent.change(within(dialog).getByTestId('supplier-email'), { target: { value: 'po@blocks.test' } });
  fireEvent.click(within(dialog).getByTestId('supplier-save'));
  await waitFor(() => expect(calls.some((c) => c.operation === 'CreateSupplier')).toBe(true));
  expect(calls.find((c) => c.operation === 'CreateSupplier')!.variables.input).toEqual({
    name: 'Blocks Co',
    contactName: null,
    email: 'po@blocks.test',
    senderAddresses: [],
    phone: null,
    leadTimeBusinessDays: 2,
    trackingDeadlineHours: 24,
    poMethod: 'EMAIL',
    poFormat: 'CSV',
    active: true,
  });
});
