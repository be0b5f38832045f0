import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { request } from '@/lib/api';
import { serve } from '@/test/serve';
import { authQueryKeys } from '@/features/auth/api/auth.hooks';
import { buyerMessage, mailMessage } from '../test/message-fixtures';
import { MessagesPage } from './messages-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

afterEach(() => (request as unknown as jest.Mock).mockReset());

const connection = <T extends { id: string }>(nodes: T[]) => ({
  totalCount: nodes.length,
  pageInfo: { hasNextPage: false, endCursor: null },
  edges: nodes.map((node) => ({ cursor: node.id, node })),
});

function renderPage(role = 'OPERATOR', path = '/messages') {
  let answered = false;
  const calls = serve({
    BuyerMessageCounts: () => ({ buyerMessageCounts: { open: 1, dueSoon: 1, overdue: 1 } }),
    BuyerMessages: (variables) => {
      const filter = variables.filter as { kind: string };
      if (filter.kind === 'PERFORMANCE_ALERT')
        return {
          buyerMessages: connection([buyerMessage({ id: 'bm-p', kind: 'PERFORMANCE_ALERT', channelWarningId: 'w-1' })]),
        };
      return {
        buyerMessages: connection([
          answered
            ? buyerMessage({
                state: 'ANSWERED',
                hoursLeft: null,
                answeredBy: 'ana@example.com',
                answerNote: 'By phone',
              })
            : buyerMessage(),
        ]),
      };
    },
    MarkBuyerMessageAnswered: (variables) => {
      answered = true;
      return { markBuyerMessageAnswered: buyerMessage({ id: variables.id as string, state: 'ANSWERED' }) };
    },
    MailMessages: () => ({ mailMessages: connection([mailMessage()]) }),
    MessageAccounts: () => ({
      channelAccounts: [{ id: 'acc-a', channel: 'AMAZON', name: 'Amazon US', timeZone: 'America/Los_Angeles' }],
    }),
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(authQueryKeys.me(), { me: { id: 't', name: 'tester', prefix: 'oh_t', role } });
  render(
    <MemoryRouter initialEntries={[path]}>
      <QueryClientProvider client={client}>
        <MessagesPage />
      </QueryClientProvider>
    </MemoryRouter>,
  );
  return calls;
}

test('buyer messages list with their clock; Mark answered sends the note and the row reads answered', async () => {
  const calls = renderPage();
  const row = await screen.findByTestId('buyer-message');
  expect(within(row).getByTestId('buyer-message-clock').textContent).toBe('answer within 11 h');
  expect(calls.find((c) => c.operation === 'BuyerMessages')!.variables).toEqual({
    filter: { kind: 'BUYER_MESSAGE', state: null },
    first: 50,
    after: null,
  });
  expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Buyer messages3');
  fireEvent.click(within(row).getByTestId('buyer-message-mark-answered'));
  fireEvent.change(screen.getByTestId('mark-answered-note'), { target: { value: 'By phone' } });
  fireEvent.click(screen.getByTestId('mark-answered-save'));
  await waitFor(() => expect(screen.queryByTestId('mark-answered-dialog')).toBeNull());
  expect(calls.find((c) => c.operation === 'MarkBuyerMessageAnswered')!.variables).toEqual({
    id: 'bm-1',
    note: 'By phone',
  });
  await waitFor(() => expect(screen.getByTestId('buyer-message-clock').textContent).toBe('answered'));
  expect(screen.getByTestId('buyer-message-answered').textContent).toContain('by ana@example.com: By phone');
});

test('a viewer reads the messages but gets no Mark answered', async () => {
  renderPage('VIEWER');
  await screen.findByTestId('buyer-message');
  expect(screen.queryByTestId('buyer-message-mark-answered')).toBeNull();
});

test('the performance e-mails and mail read tabs', async () => {
  const calls = renderPage('OPERATOR', '/messages?tab=performance');
  expect((await screen.findByTestId('performance-warning-link')).getAttribute('href')).toBe('/alerts#warning-w-1');
  fireEvent.click(screen.getByTestId('messages-tab-mail'));
  const mail = await screen.findByTestId('mail-message');
  expect(within(mail).getByTestId('mail-message-received').textContent).toBe('Dec 2, 07:30 PST');
  fireEvent.change(screen.getByTestId('mail-outcome'), { target: { value: 'HELD' } });
  fireEvent.change(screen.getByTestId('mail-search'), { target: { value: ' acme ' } });
  fireEvent.submit(screen.getByRole('search'));
  await waitFor(() =>
    expect(calls.at(-1)).toEqual({
      operation: 'MailMessages',
      variables: { filter: { kind: null, outcome: 'HELD', search: 'acme' }, first: 50, after: null },
    }),
  );
});
