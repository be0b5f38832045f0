import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { request } from '@/lib/api';
import { serve } from '@/test/serve';
import { authQueryKeys } from '@/features/auth/api/auth.hooks';
import { hoursFromNow, intakeOf, NOW, purchaseOrderOf, supplierOf } from '../test/supplier-fixtures';
import { OrderSupplier } from './order-supplier';
import { SuppliersNavLink } from './suppliers-nav-link';

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

function renderIn(node: ReactNode, role = 'OPERATOR') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(authQueryKeys.me(), { me: { id: 't', name: 'tester', prefix: 'oh_t', role } });
  render(
    <MemoryRouter>
      <QueryClientProvider client={client}>{node}</QueryClientProvider>
    </MemoryRouter>,
  );
  return client;
}

test('an order routed to a supplier offers Send purchase order; the result shows the link to copy', async () => {
  let sent = false;
  const calls = serve({
    OrderSupplier: () => ({
      order: {
        id: 'ord-1',
        supplier: supplierOf(),
        purchaseOrder: sent ? purchaseOrderOf() : null,
        trackingIntake: [],
      },
    }),
    SendPurchaseOrders: () => {
      sent = true;
      return {
        sendPurchaseOrders: [
          {
            orderId: 'ord-1',
            error: null,
            linkUrl: 'http://hub.test/supplier/abc.def',
            linkExpiresAt: hoursFromNow(14 * 24),
            purchaseOrder: purchaseOrderOf(),
          },
        ],
      };
    },
  });
  renderIn(<OrderSupplier orderId="ord-1" timeZone="America/Chicago" />);
  expect((await screen.findByTestId('order-supplier-name')).textContent).toBe(
    'Acme Toys ships every line of this order (by its SKUs).',
  );
  fireEvent.click(screen.getByTestId('send-po'));
  const url = await screen.findByTestId<HTMLInputElement>('supplier-link-url');
  expect(url.value).toBe('http://hub.test/supplier/abc.def');
  expect(calls.find((c) => c.operation === 'SendPurchaseOrders')!.variables).toEqual({ orderIds: ['ord-1'] });
  await waitFor(() => expect(screen.getByTestId('order-po-status').textContent).toBe('Sent, waiting for tracking'));
  expect(screen.getByTestId('supplier-clock').textContent).toBe('due in 5 h');
  expect(screen.queryByTestId('send-po')).toBeNull();
});

test('a refused purchase order says why in words', async () => {
  serve({
    OrderSupplier: () => ({ order: { id: 'ord-1', supplier: supplierOf(), purchaseOrder: null, trackingIntake: [] } }),
    SendPurchaseOrders: () => ({
      sendPurchaseOrders: [
        {
          orderId: 'ord-1',
          error: 'Order 108829012345678 has lines for two suppliers (Acme Toys, Blocks Co).',
          linkUrl: null,
          linkExpiresAt: null,
          purchaseOrder: null,
        },
      ],
    }),
  });
  renderIn(<OrderSupplier orderId="ord-1" timeZone="UTC" />);
  fireEvent.click(await screen.findByTestId('send-po'));
  expect((await screen.findByTestId('send-po-error')).textContent).toBe(
    'Order 108829012345678 has lines for two suppliers (Acme Toys, Blocks Co).',
  );
});

test("a sent purchase order signs the supplier link on request; the order's intake rows read in words", async () => {
  const calls = serve({
    OrderSupplier: () => ({
      order: {
        id: 'ord-1',
        supplier: supplierOf(),
        purchaseOrder: purchaseOrderOf({ method: 'LINK', sentTo: null }),
        trackingIntake: [
          intakeOf({
            status: 'DISMISSED',
            via: 'LINK',
            decidedBy: 'user:ops@shop.test',
            note: 'Sent twice',
            reasons: [{ code: 'X', field: 'trackingNumber', message: 'Used on another order.', severity: 'BLOCK' }],
          }),
        ],
      },
    }),
    SupplierLink: () => ({ supplierLink: { url: 'http://hub.test/supplier/xyz.123', expiresAt: hoursFromNow(24) } }),
  });
  renderIn(<OrderSupplier orderId="ord-1" timeZone="America/Chicago" />);
  fireEvent.click(await screen.findByTestId('show-supplier-link'));
  expect((await screen.findByTestId<HTMLInputElement>('supplier-link-url')).value).toBe(
    'http://hub.test/supplier/xyz.123',
  );
  expect(calls.find((c) => c.operation === 'SupplierLink')!.variables).toEqual({ orderId: 'ord-1' });
  const row = screen.getByTestId('order-intake-row');
  expect(within(row).getByTestId('order-intake-outcome').textContent).toBe(
    'Dismissed by user:ops@shop.test: “Sent twice”: Used on another order.',
  );
  expect(row.textContent).toContain('Supplier link');
  expect(row.textContent).toContain('Dec 4, 05:00 CST');
});

test('an order no supplier ships shows no section', async () => {
  const calls = serve({
    OrderSupplier: () => ({ order: { id: 'ord-9', supplier: null, purchaseOrder: null, trackingIntake: [] } }),
  });
  const client = renderIn(<OrderSupplier orderId="ord-9" timeZone="UTC" />);
  await waitFor(() => expect(calls).toHaveLength(1));
  await waitFor(() => expect(client.isFetching()).toBe(0));
  expect(screen.queryByTestId('order-supplier')).toBeNull();
});

test("the header link counts purchase orders waiting for the supplier's tracking", async () => {
  serve({ WaitingPurchaseOrderCount: () => ({ purchaseOrders: { totalCount: 3 } }) });
  renderIn(<SuppliersNavLink />);
  const count = await screen.findByTestId('nav-suppliers-count');
  expect(count.textContent).toBe('3');
  expect(count.getAttribute('aria-label')).toBe("3 waiting for the supplier's tracking");
});
