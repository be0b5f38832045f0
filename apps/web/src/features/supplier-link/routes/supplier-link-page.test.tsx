import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { SupplierLinkPage } from './supplier-link-page';

const ORDER = {
  orderNumber: '1796000000042',
  poNumber: 'PO-261204-1',
  shipBy: '2026-12-05T23:00:00.000Z',
  timeZone: 'America/Chicago',
  lines: [{ sku: 'TOY-1', title: 'Wooden train', quantity: 2 }],
  shipTo: { city: 'Austin', state: 'TX', zip3: '787' },
  carriers: ['UPS', 'USPS'],
};

type Answer = { status: number; body: unknown };
let answers: Record<string, (body: unknown) => Answer>;
const calls: { method: string; url: string; body: unknown }[] = [];

beforeEach(() => {
  calls.length = 0;
  global.fetch = jest.fn((url: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(init.body as string) : undefined;
    calls.push({ method: init.method ?? 'GET', url, body });
    const answer = answers[`${init.method} ${url}`]?.(body) ?? { status: 404, body: { message: 'no route' } };
    return Promise.resolve({
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      text: () => Promise.resolve(JSON.stringify(answer.body)),
    });
  }) as unknown as typeof fetch;
});

function renderPage(token = 'tok') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MemoryRouter initialEntries={[`/supplier/${token}`]}>
      <QueryClientProvider client={client}>
        <Routes>
          <Route path="/supplier/:token" element={<SupplierLinkPage />} />
        </Routes>
      </QueryClientProvider>
    </MemoryRouter>,
  );
}

test('shows the order, refuses a bad number in the rules words at once, and takes a good one', async () => {
  answers = {
    'GET /supplier/tok': () => ({ status: 200, body: ORDER }),
    'POST /supplier/tok/check': () => ({ status: 200, body: { violations: [] } }),
    'POST /supplier/tok': () => ({ status: 200, body: { ok: true, message: 'Thank you: tracking received.' } }),
  };
  renderPage();
  expect((await screen.findByTestId('supplier-link-order-number')).textContent).toBe('1796000000042');
  expect(screen.getByTestId('supplier-link-ship-by').textContent).toBe('Dec 5, 17:00 CST');
  expect(screen.getByTestId('supplier-link-ship-to').textContent).toBe('Austin, TX 787··');
  expect(screen.getAllByTestId('supplier-link-line')[0].textContent).toContain('Wooden train');

  fireEvent.change(screen.getByTestId('supplier-link-tracking'), { target: { value: '1Z999AA10123456785' } });
  const violation = screen.getByTestId('supplier-link-violation');
  expect(violation.dataset.severity).toBe('BLOCK');
  expect(screen.getByTestId('supplier-link-submit')).toHaveProperty('disabled', true);

  fireEvent.change(screen.getByTestId('supplier-link-tracking'), { target: { value: '1Z999AA10123456784' } });
  expect(screen.queryByTestId('supplier-link-violation')).toBeNull();
  await waitFor(() => expect(calls.some((c) => c.url === '/supplier/tok/check')).toBe(true));
  expect(calls.find((c) => c.url === '/supplier/tok/check')!.body).toEqual({
    carrier: 'UPS',
    trackingNumber: '1Z999AA10123456784',
  });
  fireEvent.click(screen.getByTestId('supplier-link-submit'));
  expect((await screen.findByTestId('supplier-link-thanks')).textContent).toContain('Thank you: tracking received.');
});

test("the server's check and a refused submit show in its words", async () => {
  answers = {
    'GET /supplier/tok': () => ({ status: 200, body: ORDER }),
    'POST /supplier/tok/check': () => ({
      status: 200,
      body: { violations: [{ code: 'TRACKING_REUSED', message: 'Already used on another order.', severity: 'WARN' }] },
    }),
    'POST /supplier/tok': () => ({
      status: 422,
      body: {
        message: 'This tracking number cannot be taken: Used on order 1796000000001.',
        violations: [{ code: 'TRACKING_REUSED', message: 'Used on order 1796000000001.', severity: 'BLOCK' }],
      },
    }),
  };
  renderPage();
  fireEvent.change(await screen.findByTestId('supplier-link-tracking'), { target: { value: '1Z999AA10123456784' } });
  expect((await screen.findByTestId('supplier-link-violation')).textContent).toContain(
    'Already used on another order.',
  );
  fireEvent.click(screen.getByTestId('supplier-link-submit'));
  expect((await screen.findByTestId('supplier-link-submit-error')).textContent).toBe(
    'This tracking number cannot be taken: Used on order 1796000000001.',
  );
  expect(screen.queryByTestId('supplier-link-thanks')).toBeNull();
});

test('an expired link says so in words, with no form', async () => {
  answers = {
    'GET /supplier/old': () => ({ status: 410, body: { message: 'This link expired on Dec 1.' } }),
  };
  renderPage('old');
  expect((await screen.findByTestId('supplier-link-refused')).textContent).toContain('This link cannot be used');
  expect(screen.getByTestId('supplier-link-refused-message').textContent).toBe('This link expired on Dec 1.');
  expect(screen.queryByTestId('supplier-link-form')).toBeNull();
});
