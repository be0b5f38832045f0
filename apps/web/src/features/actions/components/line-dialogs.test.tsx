import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { request } from '@/lib/api';
import { order, orderLine, outboxEntry } from '@/features/shared/test/order-fixtures';
import { serve } from '@/test/serve';
import { CancelDialog } from './cancel-dialog';
import { RefundDialog } from './refund-dialog';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

const onDone = jest.fn();
const onClose = jest.fn();

function renderWithClient(node: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(<QueryClientProvider client={queryClient}>{node}</QueryClientProvider>);
}

const optionsOf = (testId: string) =>
  [...screen.getByTestId<HTMLSelectElement>(testId).options].map((o) => o.value).filter(Boolean);
const lineRow = (testId: string, lineNumber: string) =>
  screen.getAllByTestId(testId).find((tr) => tr.dataset.lineNumber === lineNumber)!;

afterEach(() => {
  (request as unknown as jest.Mock).mockReset();
  onDone.mockReset();
  onClose.mockReset();
});

describe('CancelDialog', () => {
  test("offers Walmart's current seller reasons, blocks more units than are open, and sends what was chosen", async () => {
    const calls = serve({
      CancelOrderLines: () => ({
        cancelOrderLines: { orderId: 'ord-1', warnings: [], outbox: [outboxEntry({ operation: 'CANCEL' })] },
      }),
    });
    renderWithClient(<CancelDialog order={order()} onClose={onClose} onDone={onDone} />);
    expect(optionsOf('cancel-reason')).toEqual([
      'SELLER_CANCEL_PRICING_ERROR',
      'SELLER_CANCEL_OUT_OF_STOCK',
      'SELLER_CANCEL_FRAUD_STOP_SHIPMENT',
      'SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE',
    ]);
    const submit = screen.getByTestId<HTMLButtonElement>('cancel-submit');
    expect(submit.disabled).toBe(true);

    fireEvent.change(within(lineRow('cancel-line', '1')).getByTestId('cancel-quantity'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('cancel-reason'), { target: { value: 'SELLER_CANCEL_OUT_OF_STOCK' } });
    expect(within(lineRow('cancel-line', '1')).getByTestId('violation').dataset.severity).toBe('BLOCK');
    expect(submit.disabled).toBe(true);

    fireEvent.change(within(lineRow('cancel-line', '1')).getByTestId('cancel-quantity'), { target: { value: '1' } });
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    // nothing is sent before the confirmation with the totals
    expect(calls.filter((c) => c.operation === 'CancelOrderLines')).toHaveLength(0);
    expect(screen.getByTestId('cancel-total-units').textContent).toBe('1 unit');
    expect(screen.getByTestId('cancel-total-money').textContent).toBe('$12.99');
    fireEvent.click(screen.getByTestId('cancel-confirm'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.find((c) => c.operation === 'CancelOrderLines')!.variables.input).toEqual({
      orderId: 'ord-1',
      expectedVersion: 3,
      reason: 'SELLER_CANCEL_OUT_OF_STOCK',
      lines: [{ lineNumber: '1', quantity: 1 }],
    });
  });

  test('Back from the confirmation gives the focus to "Review", inside the dialog, so Escape and Tab still reach it', () => {
    renderWithClient(<CancelDialog order={order()} onClose={onClose} onDone={onDone} />);
    fireEvent.change(within(lineRow('cancel-line', '1')).getByTestId('cancel-quantity'), { target: { value: '1' } });
    fireEvent.change(screen.getByTestId('cancel-reason'), { target: { value: 'SELLER_CANCEL_OUT_OF_STOCK' } });
    fireEvent.click(screen.getByTestId('cancel-submit'));
    screen.getByTestId('cancel-back').focus();
    fireEvent.click(screen.getByTestId('cancel-back'));
    expect(document.activeElement).toBe(screen.getByTestId('cancel-submit'));
  });

  test('Amazon cancels whole items with its own reasons', () => {
    renderWithClient(
      <CancelDialog
        order={order({
          channel: 'AMAZON',
          account: {
            id: 'acc-a',
            name: 'Amazon US',
            marketplace: 'ATVPDKIKX0DER',
            environment: 'SANDBOX',
            timeZone: 'America/Los_Angeles',
          },
        })}
        onClose={onClose}
        onDone={onDone}
      />,
    );
    expect(optionsOf('cancel-reason')).toContain('NoInventory');
    expect(optionsOf('cancel-reason')).not.toContain('SELLER_CANCEL_OUT_OF_STOCK');
    expect(screen.queryByTestId('cancel-quantity')).toBeNull();
    expect(screen.getAllByTestId('cancel-line-check')).toHaveLength(2);
  });
});

describe('RefundDialog', () => {
  const shipped = order({
    status: 'SHIPPED',
    lines: [
      orderLine({ lineNumber: '1', quantityShipped: 2 }),
      orderLine({ lineNumber: '2', quantityOrdered: 1, quantityShipped: 0 }),
    ],
  });

  test('lists shipped lines only, turns dollars into cents and sends the reason and the full-refund flag', async () => {
    const calls = serve({
      RefundOrderLines: () => ({
        refundOrderLines: { orderId: 'ord-1', warnings: [], outbox: [outboxEntry({ operation: 'REFUND' })] },
      }),
    });
    renderWithClient(<RefundDialog order={shipped} onClose={onClose} onDone={onDone} />);
    expect(screen.getAllByTestId('refund-line').map((tr) => tr.dataset.lineNumber)).toEqual(['1']);
    expect(optionsOf('refund-reason')).toContain('Shipping & Delivery -> Damaged');

    const submit = screen.getByTestId<HTMLButtonElement>('refund-submit');
    fireEvent.change(screen.getByTestId('refund-amount'), { target: { value: '12.5x' } });
    fireEvent.change(screen.getByTestId('refund-reason'), { target: { value: 'DamagedItem' } });
    expect(screen.getByTestId('refund-amount').getAttribute('aria-invalid')).toBe('true');
    expect(submit.disabled).toBe(true);

    fireEvent.change(screen.getByTestId('refund-amount'), { target: { value: '12.5' } });
    fireEvent.click(screen.getByTestId('refund-full'));
    fireEvent.click(submit);
    expect(screen.getByTestId('refund-total-money').textContent).toBe('$12.50');
    fireEvent.click(screen.getByTestId('refund-confirm'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.find((c) => c.operation === 'RefundOrderLines')!.variables.input).toEqual({
      orderId: 'ord-1',
      expectedVersion: 3,
      comments: null,
      lines: [{ lineNumber: '1', amountCents: 1250, reason: 'DamagedItem', isFullRefund: true }],
    });
  });
});

describe('reasons and amounts in words', () => {
  test('each cancel reason reads as words with its effect on the seller metrics; the code stays in a tooltip', () => {
    renderWithClient(<CancelDialog order={order()} onClose={onClose} onDone={onDone} />);
    const option = [...screen.getByTestId<HTMLSelectElement>('cancel-reason').options].find(
      (o) => o.value === 'SELLER_CANCEL_OUT_OF_STOCK',
    )!;
    expect(option.textContent).toBe('Out of stock — counts against your cancellation rate');
    expect(option.title).toBe('SELLER_CANCEL_OUT_OF_STOCK');
    fireEvent.change(screen.getByTestId('cancel-reason'), { target: { value: 'SELLER_CANCEL_OUT_OF_STOCK' } });
    expect(screen.getByTestId('cancel-reason-effect').textContent).toMatch(
      /^Counts against your cancellation rate \(must stay at most 2% over 30 days\)\./,
    );
  });

  test('a refund above what is left of the line is flagged beside it while typing, and Review stays off', () => {
    const line = orderLine({
      lineNumber: '1',
      quantityShipped: 2,
      charge: { amountCents: 3197, currency: 'USD' },
      refunded: { amountCents: 1000, currency: 'USD' },
    });
    renderWithClient(
      <RefundDialog order={order({ status: 'SHIPPED', lines: [line] })} onClose={onClose} onDone={onDone} />,
    );
    expect(screen.getByTestId('refund-left').textContent).toBe('$21.97');
    fireEvent.change(screen.getByTestId('refund-reason'), { target: { value: 'DamagedItem' } });
    fireEvent.change(screen.getByTestId('refund-amount'), { target: { value: '22.00' } });
    const flagged = within(lineRow('refund-line', '1')).getByTestId('violation');
    expect(flagged.dataset.code).toBe('REFUND_ABOVE_CHARGE');
    expect(flagged.textContent).toContain('at most $21.97 more');
    expect(screen.getByTestId('refund-amount').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId<HTMLButtonElement>('refund-submit').disabled).toBe(true);
    fireEvent.change(screen.getByTestId('refund-amount'), { target: { value: '21.97' } });
    expect(within(lineRow('refund-line', '1')).queryByTestId('violation')).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>('refund-submit').disabled).toBe(false);
  });
});

describe('CancelDialog when the buyer asked to cancel', () => {
  test('offers CUSTOMER_REQUESTED_SELLER_TO_CANCEL only when the order or a line has cancellationRequested', () => {
    renderWithClient(
      <CancelDialog
        order={order({ lines: [orderLine({ lineNumber: '1', cancellationRequested: true })] })}
        onClose={onClose}
        onDone={onDone}
      />,
    );
    expect(optionsOf('cancel-reason')).toContain('CUSTOMER_REQUESTED_SELLER_TO_CANCEL');
    expect(screen.getByTestId('cancel-buyer-requested').textContent).toMatch(/buyer asked to cancel/);
  });
});
