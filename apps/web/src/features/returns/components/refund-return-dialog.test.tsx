import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { request } from '@/lib/api';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { outboxEntry } from '@/features/shared/test/order-fixtures';
import { serve } from '@/test/serve';
import type { ReturnView } from '../api/returns.graphql';
import { amazonReturn, returnOf } from '../test/return-fixtures';
import { RefundReturnDialog } from './refund-return-dialog';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

const onDone = jest.fn();
const onClose = jest.fn();

afterEach(() => {
  (request as unknown as jest.Mock).mockReset();
  onDone.mockReset();
  onClose.mockReset();
});

function renderDialog(ret: ReturnView) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RefundReturnDialog ret={ret} onClose={onClose} onDone={onDone} />
    </QueryClientProvider>,
  );
}

const confirm = () => screen.getByTestId<HTMLButtonElement>('refund-return-confirm');
const sent = {
  refundReturn: { return: returnOf(), outbox: outboxEntry({ operation: 'REFUND' }), warnings: [] },
};

test('Walmart: units only, says it takes no amount or reason, sends a partial quantity', async () => {
  const calls = serve({ RefundReturn: () => sent });
  renderDialog(returnOf());
  expect(screen.getByTestId('refund-return-how').textContent).toMatch(/takes no amount and no reason/);
  expect(screen.queryByTestId('refund-return-amount')).toBeNull();
  expect(screen.queryByTestId('refund-return-reason')).toBeNull();
  const quantity = screen.getByTestId<HTMLInputElement>('refund-return-quantity');
  expect(quantity.value).toBe('2');
  expect(screen.getByTestId('refund-return-total-money').textContent).toBe('$28.06');

  fireEvent.change(quantity, { target: { value: '3' } });
  const line = screen.getByTestId('refund-return-line');
  expect(within(line).getByTestId('violation').dataset.code).toBe('RETURN_REFUND_ABOVE_RETURNED');
  expect(confirm().disabled).toBe(true);

  fireEvent.change(quantity, { target: { value: '1' } });
  expect(screen.getByTestId('refund-return-total-money').textContent).toBe('$14.03');
  expect(confirm().textContent).toBe('Refund through Walmart');
  fireEvent.click(confirm());
  await waitFor(() => expect(onDone).toHaveBeenCalled());
  expect(calls.find((c) => c.operation === 'RefundReturn')!.variables.input).toEqual({
    returnId: 'ret-1',
    expectedVersion: 1,
    reason: null,
    lines: [{ returnLineNumber: '1', quantity: 1 }],
  });
});

test('Amazon: the proposed amount is editable, an amount above what was paid is flagged beside the line', async () => {
  const calls = serve({ RefundReturn: () => sent });
  renderDialog(amazonReturn());
  const amount = screen.getByTestId<HTMLInputElement>('refund-return-amount');
  expect(amount.value).toBe('27.00');
  expect(screen.getByTestId<HTMLSelectElement>('refund-return-reason').value).toBe('CustomerReturn');

  fireEvent.change(amount, { target: { value: '31.00' } });
  const line = screen.getByTestId('refund-return-line');
  expect(within(line).getByTestId('violation').textContent).toMatch(/at most \$27\.00/);
  expect(confirm().disabled).toBe(true);

  fireEvent.change(amount, { target: { value: '20.00' } });
  fireEvent.change(screen.getByTestId('refund-return-reason'), { target: { value: 'GeneralAdjustment' } });
  expect(screen.getByTestId('refund-return-total-money').textContent).toBe('$20.00');
  fireEvent.click(confirm());
  await waitFor(() => expect(onDone).toHaveBeenCalled());
  expect(calls.find((c) => c.operation === 'RefundReturn')!.variables.input).toEqual({
    returnId: 'ret-a',
    expectedVersion: 1,
    reason: 'GeneralAdjustment',
    lines: [{ returnLineNumber: '40000000000001', quantity: 1, amountCents: 2000 }],
  });
});

test("the api's refusal lands beside the line it names; anything else is told in words, not raw", async () => {
  let answer: Error = new GraphQLRequestError('Blocked', 'RULE_VIOLATION', [
    {
      message: 'Blocked',
      extensions: {
        code: 'RULE_VIOLATION',
        violations: [
          {
            code: 'RETURN_REFUND_ALREADY_REFUNDED',
            severity: 'BLOCK',
            field: 'input.lines[0].quantity',
            message: 'Every returned unit of line 1 is already refunded (a refund for it is on its way).',
          },
        ],
      },
    },
  ]);
  serve({
    RefundReturn: () => {
      throw answer;
    },
  });
  renderDialog(returnOf());
  fireEvent.click(confirm());
  const line = screen.getByTestId('refund-return-line');
  await waitFor(() => expect(within(line).getByText(/already refunded/)).toBeTruthy());
  expect(confirm().disabled).toBe(true);

  answer = new GraphQLRequestError('The return changed since it was loaded.', 'CONFLICT', [
    { message: 'The return changed since it was loaded.', extensions: { code: 'CONFLICT' } },
  ]);
  fireEvent.change(screen.getByTestId('refund-return-quantity'), { target: { value: '1' } });
  expect(within(line).queryByText(/already refunded/)).toBeNull();
  fireEvent.click(confirm());
  expect(await screen.findByText('The return changed since it was loaded.')).toBeTruthy();
  expect(onDone).not.toHaveBeenCalled();
});
