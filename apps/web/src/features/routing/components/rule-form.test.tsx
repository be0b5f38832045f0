import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { request } from '@/lib/api';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { account } from '@/features/accounts/test/account-fixtures';
import { serve } from '@/test/serve';
import { EMPTY_RULE_FORM } from '../lib/rule-form';
import { RuleForm } from './rule-form';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

const accounts = [
  account({ id: 'acc-w', channel: 'WALMART', name: 'Walmart US' }),
  account({ id: 'acc-a', channel: 'AMAZON', name: 'Amazon US' }),
];
const onSubmit = jest.fn();

function renderForm(error: unknown = null) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const view = (e: unknown) => (
    <QueryClientProvider client={queryClient}>
      <RuleForm
        mode="create"
        initial={EMPTY_RULE_FORM}
        accounts={accounts}
        pending={false}
        error={e}
        onSubmit={onSubmit}
        onCancel={() => undefined}
      />
    </QueryClientProvider>
  );
  const result = render(view(error));
  return { rerender: (e: unknown) => result.rerender(view(e)) };
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

function fill() {
  type('rule-field-name', 'Mugs');
  type('rule-field-accountId', 'acc-w');
  type('rule-field-mcfAccountId', 'acc-a');
  type('rule-field-skus', 'MUG-1\nMUG-2');
  type('rule-field-countries', 'us');
}

afterEach(() => {
  (request as unknown as jest.Mock).mockReset();
  onSubmit.mockReset();
});

test('the account selects offer Walmart accounts to route and Amazon accounts to fulfil', () => {
  renderForm();
  const options = (id: string) => [...screen.getByTestId<HTMLSelectElement>(id).options].map((o) => o.textContent);
  expect(options('rule-field-accountId')).toContain('Walmart US');
  expect(options('rule-field-accountId')).not.toContain('Amazon US');
  expect(options('rule-field-mcfAccountId')).toContain('Amazon US');
});

test('Preview sends the rule as typed and shows how many open orders match', async () => {
  const calls = serve({
    PreviewRoutingRule: () => ({
      previewRoutingRule: [
        {
          id: 'o1',
          channelOrderId: '1001',
          orderedAt: '2026-11-24T06:00:00Z',
          shipBy: '2026-11-25T06:00:00Z',
          status: 'CREATED',
          shipTo: { name: 'Ann', countryCode: 'US' },
          lines: [{ id: 'l1', sku: 'MUG-1', quantityOrdered: 1 }],
        },
        {
          id: 'o2',
          channelOrderId: '1002',
          orderedAt: '2026-11-24T06:00:00Z',
          shipBy: '2026-11-25T06:00:00Z',
          status: 'CREATED',
          shipTo: null,
          lines: [],
        },
      ],
    }),
  });
  renderForm();
  fill();
  fireEvent.click(screen.getByTestId('rule-preview-button'));
  expect((await screen.findByTestId('rule-preview-count')).textContent).toBe('2 open orders would be routed.');
  expect(screen.getAllByTestId('rule-preview-row')).toHaveLength(2);
  expect(calls[0].variables.input).toMatchObject({
    accountId: 'acc-w',
    mcfAccountId: 'acc-a',
    skus: ['MUG-1', 'MUG-2'],
    countries: ['US'],
  });
  expect(onSubmit).not.toHaveBeenCalled();

  type('rule-field-skuPattern', 'MUG-*');
  expect(screen.queryByTestId('rule-preview')).toBeNull();
});

test('missing accounts are named beside their selects before anything is sent', () => {
  serve({});
  renderForm();
  fireEvent.click(screen.getByTestId('rule-save'));
  expect(screen.getByTestId('error-accountId')).toBeTruthy();
  expect(screen.getByTestId('error-mcfAccountId')).toBeTruthy();
  expect(onSubmit).not.toHaveBeenCalled();
});

test('a BAD_USER_INPUT naming input.skuPattern shows beside that input; other errors above the buttons', async () => {
  const { rerender } = renderForm();
  fill();
  fireEvent.click(screen.getByTestId('rule-save'));
  expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ name: 'Mugs' }));

  rerender(
    new GraphQLRequestError('input.skuPattern: must be a glob', 'BAD_USER_INPUT', [
      {
        message: 'input.skuPattern: must be a glob',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.skuPattern' },
      },
    ]),
  );
  await waitFor(() => expect(screen.getByTestId('error-skuPattern').textContent).toBe('must be a glob'));
  expect(screen.getByTestId('rule-field-skuPattern').getAttribute('aria-invalid')).toBe('true');

  rerender(new GraphQLRequestError('Forbidden', 'FORBIDDEN'));
  expect(screen.getByTestId('error-code').textContent).toBe('FORBIDDEN');
});
