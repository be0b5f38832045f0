import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { request } from '@/lib/api';
import { serve } from '@/test/serve';
import { authQueryKeys } from '@/features/auth/api/auth.hooks';
import { amazonReturn, returnOf } from '../test/return-fixtures';
import { ReturnsPage } from './returns-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

afterEach(() => (request as unknown as jest.Mock).mockReset());

const accounts = [
  { id: 'acc-w', channel: 'WALMART', name: 'Walmart US', marketplace: 'US', timeZone: 'America/Chicago' },
  { id: 'acc-a', channel: 'AMAZON', name: 'Amazon US', marketplace: 'ATVPDKIKX0DER', timeZone: 'America/Los_Angeles' },
];

function renderPage(role = 'OPERATOR', path = '/returns') {
  const calls = serve({
    Me: () => ({ me: { id: 't', name: 'tester', prefix: 'oh_t', role } }),
    ReturnAccounts: () => ({ channelAccounts: accounts }),
    ReturnCounts: () => ({ returnCounts: { refundsDue: 3, dueSoon: 1, overdue: 1, refundedByChannel30d: 2 } }),
    Returns: (variables) => {
      const filter = variables.filter as { channel: string | null; refundsDue: boolean | null };
      const nodes = [returnOf(), amazonReturn()].filter((r) => !filter.channel || r.channel === filter.channel);
      return {
        returns: {
          totalCount: nodes.length,
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: nodes.map((node) => ({ cursor: node.id, node })),
        },
      };
    },
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The role is known before the page renders, as it is once the console has loaded.
  client.setQueryData(authQueryKeys.me(), { me: { id: 't', name: 'tester', prefix: 'oh_t', role } });
  render(
    <MemoryRouter initialEntries={[path]}>
      <QueryClientProvider client={client}>
        <ReturnsPage />
      </QueryClientProvider>
    </MemoryRouter>,
  );
  return calls;
}

test('tabs come from the accounts; a row reads its reason, received date in the zone, clock and amount in words', async () => {
  const calls = renderPage();
  const rows = await screen.findAllByTestId('return-row');
  expect(rows).toHaveLength(2);
  expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['All', 'Walmart', 'Amazon']);
  const walmart = rows.find((row) => row.dataset.returnId === 'ret-1')!;
  expect(within(walmart).getByTestId('return-reason').textContent).toBe('Damaged');
  expect(within(walmart).getByTestId('return-received').textContent).toBe('Nov 30, 12:00 CST');
  expect(within(walmart).getByTestId('refund-clock').textContent).toBe('Refund due in 5 h');
  expect(within(walmart).getByTestId('refund-clock').className).toContain('refund-clock-warn');
  expect(within(walmart).getByTestId('return-amount').textContent).toBe('$28.06');
  expect(within(walmart).getByTestId('return-order').getAttribute('href')).toBe('/orders/walmart/1796000000001');
  expect(within(walmart).getByTestId('return-link').getAttribute('href')).toBe('/returns/ret-1');
  // The api counts one channel at a time: the All tab adds both up.
  expect(await screen.findByTestId('returns-due-count')).toHaveProperty('textContent', '6');
  expect(calls.filter((c) => c.operation === 'ReturnCounts').map((c) => c.variables.channel)).toEqual([
    'WALMART',
    'AMAZON',
  ]);

  fireEvent.click(screen.getByTestId('returns-tab-amazon'));
  await waitFor(() => expect(screen.getAllByTestId('return-row')).toHaveLength(1));
  fireEvent.click(screen.getByTestId('returns-view-due'));
  fireEvent.change(screen.getByTestId('returns-search'), { target: { value: ' DKq ' } });
  fireEvent.submit(screen.getByRole('search'));
  await waitFor(() =>
    expect(calls.at(-1)).toEqual({
      operation: 'Returns',
      variables: { filter: { channel: 'AMAZON', refundsDue: true, search: 'DKq' }, first: 50, after: null },
    }),
  );
  expect(screen.getByTestId('returns-view-due').getAttribute('aria-pressed')).toBe('true');
});

test('Refund… opens the dialog on the row', async () => {
  renderPage();
  const rows = await screen.findAllByTestId('return-row');
  fireEvent.click(within(rows[0]).getByTestId('return-refund'));
  expect(await screen.findByTestId('refund-return-dialog')).toBeTruthy();
});

test('a viewer sees the returns without a refund button', async () => {
  renderPage('VIEWER');
  expect(await screen.findAllByTestId('return-row')).toHaveLength(2);
  expect(screen.queryByTestId('return-refund')).toBeNull();
  expect(screen.queryByRole('columnheader', { name: 'Refund' })).toBeNull();
});
