import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { request } from '@/lib/api';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { order, orderLine, outboxEntry } from '@/features/shared/test/order-fixtures';
import { serve } from '@/test/serve';
import { ShipDialog } from './ship-dialog';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

const UPS_OK = '1Z999AA10123456784';
const onDone = jest.fn();
const onClose = jest.fn();

function renderDialog() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <ShipDialog order={order()} onClose={onClose} onDone={onDone} />
    </QueryClientProvider>,
  );
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const submit = () => screen.getByTestId<HTMLButtonElement>('ship-submit');

afterEach(() => {
  (request as unknown as jest.Mock).mockReset();
  onDone.mockReset();
  onClose.mockReset();
});

test('Amazon Logistics with a TBA number is blocked beside the carrier and tracking inputs, and Submit is disabled', () => {
  serve({ ValidateShipment: () => ({ validateShipment: { ok: false, violations: [] } }) });
  renderDialog();
  type('field-carrier', 'AMAZON_LOGISTICS');
  type('field-trackingNumber', 'TBA303012345678');

  const carrier = within(screen.getByTestId('violations-carrier')).getAllByTestId('violation');
  expect(carrier[0].dataset).toMatchObject({ severity: 'BLOCK', code: 'AMAZON_LOGISTICS_ON_WALMART' });
  expect(carrier[0].className).toContain('block');
  expect(screen.getByTestId('field-carrier').getAttribute('aria-invalid')).toBe('true');
  expect(submit().disabled).toBe(true);
});

test('a valid number asks the server once the input settles, then confirms and reports the queued rows', async () => {
  const queued = [outboxEntry({ id: 'ob-ship' })];
  const calls = serve({
    ValidateShipment: () => ({ validateShipment: { ok: true, violations: [] } }),
    ConfirmShipment: () => ({ confirmShipment: { shipment: { id: 'sh-1' }, warnings: [], outbox: queued } }),
  });
  renderDialog();
  type('field-trackingNumber', UPS_OK);
  expect(screen.getByTestId('tracking-format-hint').textContent).toMatch(/UPS 1Z number/);
  await waitFor(() => expect(screen.getByTestId('server-check').textContent).toBe('Checked with the server.'), {
    timeout: 2000,
  });
  expect(calls.filter((call) => call.operation === 'ValidateShipment')).toHaveLength(1);

  expect(submit().disabled).toBe(false);
  fireEvent.click(submit());
  await waitFor(() => expect(onDone).toHaveBeenCalled());
  const sent = calls.find((call) => call.operation === 'ConfirmShipment')!.variables.input;
  expect(sent).toMatchObject({
    orderId: 'ord-1',
    expectedVersion: 3,
    carrier: 'UPS',
    trackingNumber: UPS_OK,
    lines: [
      { lineNumber: '1', quantity: 2 },
      { lineNumber: '2', quantity: 1 },
    ],
  });
  expect(onDone.mock.calls[0][0]).toMatchObject({ outbox: queued });
  expect(onClose).toHaveBeenCalled();
});

test("the server's database checks show beside the input they name", async () => {
  serve({
    ValidateShipment: () => ({
      validateShipment: {
        ok: false,
        violations: [
          {
            code: 'TRACKING_REUSED',
            severity: 'BLOCK',
            field: 'trackingNumber',
            message: 'This tracking number was used on order 1234 in the last 30 days.',
          },
        ],
      },
    }),
  });
  renderDialog();
  type('field-trackingNumber', UPS_OK);
  const reused = await screen.findByText(/used on order 1234/, undefined, { timeout: 2000 });
  expect(within(screen.getByTestId('violations-trackingNumber')).getByText(/used on order 1234/)).toBe(reused);
  expect(submit().disabled).toBe(true);
});

test('a RULE_VIOLATION on submit lands on its line; a CONFLICT shows as the form error', async () => {
  const ruleError = new GraphQLRequestError('Blocked', 'RULE_VIOLATION', [
    {
      message: 'Blocked',
      extensions: {
        code: 'RULE_VIOLATION',
        violations: [
          {
            code: 'QUANTITY_ABOVE_OPEN',
            severity: 'BLOCK',
            field: 'lines[1].quantity',
            message: 'Line 2 has 0 units open.',
          },
        ],
      },
    },
  ]);
  let answer: Error = ruleError;
  serve({
    ValidateShipment: () => ({ validateShipment: { ok: true, violations: [] } }),
    ConfirmShipment: () => {
      throw answer;
    },
  });
  renderDialog();
  type('field-trackingNumber', UPS_OK);
  fireEvent.click(submit());
  const lineTwo = screen.getAllByTestId('ship-line').find((row) => row.dataset.lineNumber === '2')!;
  await waitFor(() => expect(within(lineTwo).getByText('Line 2 has 0 units open.')).toBeTruthy());
  expect(submit().disabled).toBe(true);

  answer = new GraphQLRequestError('The order changed since it was loaded.', 'CONFLICT', [
    { message: 'The order changed since it was loaded.', extensions: { code: 'CONFLICT' } },
  ]);
  type('field-service', 'Ground');
  expect(within(lineTwo).queryByText('Line 2 has 0 units open.')).toBeNull();
  fireEvent.click(submit());
  expect((await screen.findByTestId('error-code')).textContent).toBe('CONFLICT');
  expect(onDone).not.toHaveBeenCalled();
});

test('a Walmart line the buyer asked to cancel needs "Ship anyway", which sends intentToCancelOverride', async () => {
  const calls = serve({
    ValidateShipment: () => ({ validateShipment: { ok: true, violations: [] } }),
    ConfirmShipment: () => ({ confirmShipment: { shipment: { id: 'sh-1' }, warnings: [], outbox: [] } }),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <ShipDialog
        order={order({
          lines: [
            orderLine({ lineNumber: '1' }),
            orderLine({ lineNumber: '2', sku: 'SKU-2', quantityOrdered: 1, cancellationRequested: true }),
          ],
        })}
        onClose={onClose}
        onDone={onDone}
      />
    </QueryClientProvider>,
  );
  type('field-trackingNumber', UPS_OK);
  const warning = screen.getByTestId('ship-cancel-requested');
  expect(warning.getAttribute('role')).toBe('alert');
  expect(warning.textContent).toMatch(/buyer asked to cancel line 2/);
  expect(submit().disabled).toBe(true);

  fireEvent.click(screen.getByTestId('field-intentToCancelOverride'));
  await waitFor(() => expect(submit().disabled).toBe(false), { timeout: 2000 });
  fireEvent.click(submit());
  await waitFor(() => expect(onDone).toHaveBeenCalled());
  expect(calls.find((call) => call.operation === 'ConfirmShipment')!.variables.input).toMatchObject({
    intentToCancelOverride: true,
  });
});

test('leaving the cancelled line out needs no override', () => {
  serve({ ValidateShipment: () => ({ validateShipment: { ok: true, violations: [] } }) });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <ShipDialog
        order={order({
          lines: [orderLine({ lineNumber: '1' }), orderLine({ lineNumber: '2', cancellationRequested: true })],
        })}
        onClose={onClose}
        onDone={onDone}
      />
    </QueryClientProvider>,
  );
  fireEvent.change(within(screen.getAllByTestId('ship-line')[1]).getByTestId('field-quantity'), {
    target: { value: '0' },
  });
  expect(screen.queryByTestId('ship-cancel-requested')).toBeNull();
});
