import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { request } from '@/lib/api';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { ChannelAccountsQuery, type ChannelAccountRow } from '../api/accounts.graphql';
import {
  MissedPushesQuery,
  SendPushTestMutation,
  SubscribePushMutation,
  UnsubscribePushMutation,
} from '../api/push.graphql';
import { accountPermissions } from '../lib/account-permissions';
import { account, pushStatus } from '../test/account-fixtures';
import { AccountsTable } from './accounts-table';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));
const requestMock = request as unknown as jest.Mock;

const NOW = Date.parse('2025-03-10T12:00:00Z');
const walmart = (push: ChannelAccountRow['push']) =>
  account({
    id: 'acc-w',
    channel: 'WALMART',
    name: 'Walmart US',
    marketplace: 'US',
    timeZone: 'America/Chicago',
    push,
  });

/** Answers each document the components send; records the calls by document. */
function serve(rows: ChannelAccountRow[], answers: Map<unknown, (variables: Record<string, unknown>) => unknown>) {
  const calls: { document: unknown; variables: Record<string, unknown> }[] = [];
  requestMock.mockImplementation((document: unknown, variables: Record<string, unknown>) => {
    calls.push({ document, variables });
    if (document === ChannelAccountsQuery) return Promise.resolve({ channelAccounts: rows });
    const answer = answers.get(document);
    if (!answer) return Promise.reject(new Error('unexpected request'));
    try {
      return Promise.resolve(answer(variables));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  return calls;
}

function renderTable(rows: ChannelAccountRow[], role: 'ADMIN' | 'OPERATOR' = 'ADMIN') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <AccountsTable
          accounts={rows}
          permissions={accountPermissions(role)}
          now={NOW}
          editingId={null}
          onEdit={() => undefined}
        />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

function openPanel() {
  const opener = screen.getByTestId('push-open');
  opener.focus();
  fireEvent.click(opener);
  return { opener, dialog: screen.getByRole('dialog', { name: 'Order pushes · Walmart US' }) };
}

afterEach(() => requestMock.mockReset());

test('the sync cell says in words whether pushes are on and how polling runs; no pushes, no line', () => {
  serve([], new Map());
  renderTable([walmart(pushStatus()), account({ id: 'acc-x', name: 'No pushes' })]);
  expect(screen.getAllByTestId('push-status')).toHaveLength(1);
  expect(screen.getByTestId('push-headline').textContent).toBe(
    'Pushes on · last event 2 min ago · 143 today · 0 missed',
  );
  // The account's time, its zone named, on hover.
  expect(screen.getByTestId('push-headline').getAttribute('title')).toBe('Last event Mar 10, 06:58 CDT');
  expect(screen.getByTestId('push-poll-mode').textContent).toBe('Polling every 10 min to reconcile');
  expect(screen.queryByTestId('missed-pushes')).toBeNull();
});

test('pushes off: the polling interval instead, and no poll line twice', () => {
  serve([], new Map());
  renderTable([walmart(pushStatus({ state: 'OFF', pollMode: 'NORMAL', pollIntervalSeconds: 60 }))]);
  expect(screen.getByTestId('push-headline').textContent).toBe('Pushes off — polling every 60 s');
  expect(screen.queryByTestId('push-poll-mode')).toBeNull();
});

test('missed pushes are amber and list, on demand, the orders polling found with links to them', async () => {
  const calls = serve(
    [],
    new Map([
      [
        MissedPushesQuery,
        () => ({
          missedPushes: {
            edges: [
              {
                node: {
                  channelOrderId: '1089000001',
                  orderId: 'ord-1',
                  foundAt: '2025-03-10T11:50:00.000Z',
                  orderedAt: '2025-03-10T11:40:00.000Z',
                },
              },
              {
                node: {
                  channelOrderId: '1089000002',
                  orderId: null,
                  foundAt: '2025-03-09T08:00:00.000Z',
                  orderedAt: null,
                },
              },
            ],
            pageInfo: { hasNextPage: false },
          },
        }),
      ],
    ]),
  );
  renderTable([walmart(pushStatus({ missedToday: 1, missedLast7Days: 2 }))]);
  expect(within(screen.getByTestId('push-headline')).getByText('1 missed').className).toContain('badge-warn');
  const toggle = screen.getByTestId('missed-pushes-toggle');
  expect(toggle.className).toContain('badge-warn');
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(calls.some((call) => call.document === MissedPushesQuery)).toBe(false);

  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  const items = await screen.findAllByTestId('missed-push');
  expect(calls.find((call) => call.document === MissedPushesQuery)?.variables).toEqual({
    accountId: 'acc-w',
    first: 50,
  });
  expect(items).toHaveLength(2);
  const link = within(items[0]).getByRole('link', { name: '1089000001' });
  expect(link.getAttribute('href')).toBe('/orders/ord-1');
  expect(within(items[0]).getByTestId('missed-push-found').textContent).toBe('Mar 10, 06:50 CDT');
  expect(within(items[1]).queryByRole('link')).toBeNull();
  expect(within(items[1]).getByTestId('missed-push-order').textContent).toBe('1089000002');
});

test('an ADMIN reads the details in the account zone, copies the webhook URL and sends a test event', async () => {
  const active = pushStatus({
    lastTestAt: '2025-03-10T11:00:00.000Z',
    missedToday: 0,
    missedLast7Days: 4,
    pendingEvents: 2,
    failedLast7Days: 1,
  });
  const calls = serve([], new Map([[SendPushTestMutation, () => ({ sendPushTest: walmart(active) })]]));
  renderTable([walmart(active)]);
  const { dialog } = openPanel();
  const facts = within(dialog);
  expect(facts.getByTestId('push-dialog-headline').textContent).toBe(
    'Pushes on · last event 2 min ago · 143 today · 0 missed',
  );
  expect(facts.getByTestId('push-subscribed').textContent).toBe('since Mar 10, 04:30 CDT by ana@example.com');
  expect(facts.getByTestId('push-last-event').textContent).toBe('2 min ago');
  expect(facts.getByTestId('push-missed').textContent).toBe('0 today · 4 in 7 days');
  expect(facts.getByTestId('push-pending').textContent).toContain('2');
  expect(facts.getByTestId('push-failed').textContent).toContain('1 in 7 days');
  expect(facts.queryByTestId('push-dead-letters')).toBeNull();
  expect(facts.getByTestId('push-last-test').textContent).toBe('1 h ago');
  expect(facts.getByTestId('push-poll-mode-detail').textContent).toBe(
    'Polling every 10 min to reconcile (pushes arrive; polling only reconciles)',
  );
  expect(facts.getByTestId<HTMLInputElement>('push-webhook-url').value).toBe('https://hub.example.com/push/acc-w');
  expect(facts.getByTestId('push-webhook-copy').textContent).toBe('Copy URL');
  expect(facts.queryByTestId('push-subscribe')).toBeNull();

  fireEvent.click(facts.getByTestId('push-test'));
  await waitFor(() => expect(facts.getByTestId('push-action-done').textContent).toContain('Test event sent'));
  // The outcome takes the focus, so it is read out and Escape still closes the dialog.
  expect(document.activeElement).toBe(facts.getByTestId('push-action-done'));
  expect(calls.find((call) => call.document === SendPushTestMutation)?.variables).toEqual({ accountId: 'acc-w' });
  // While the panel is open the list behind it refreshes, so the event shows up as "last event".
  expect(calls.some((call) => call.document === ChannelAccountsQuery)).toBe(true);
});

test("a channel's refusal to subscribe is shown in words, not as a raw error", async () => {
  const calls = serve(
    [],
    new Map([
      [
        SubscribePushMutation,
        () => {
          throw new GraphQLRequestError('WALMART 400: eventUrl must be https', 'CHANNEL_ERROR');
        },
      ],
    ]),
  );
  renderTable([walmart(pushStatus({ state: 'OFF', subscribedAt: null, lastEventAt: null }))]);
  const { dialog } = openPanel();
  fireEvent.click(within(dialog).getByTestId('push-subscribe'));
  const alert = await within(dialog).findByRole('alert');
  expect(alert.textContent).toContain('Turn on pushes: not done');
  expect(alert.textContent).toContain('WALMART 400: eventUrl must be https');
  expect(calls.find((call) => call.document === SubscribePushMutation)?.variables).toEqual({ accountId: 'acc-w' });
});

test('a failed subscription offers to try again or turn off', async () => {
  const failed = pushStatus({
    state: 'FAILED',
    lastError: 'WALMART 401: bad token',
    lastErrorAt: '2025-03-10T11:30:00Z',
  });
  const off = pushStatus({ state: 'OFF' });
  const calls = serve([], new Map([[UnsubscribePushMutation, () => ({ unsubscribePush: walmart(off) })]]));
  renderTable([walmart(failed)]);
  expect(screen.getByTestId('push-headline').textContent).toBe('Pushes failed: WALMART 401: bad token');
  const { dialog } = openPanel();
  expect(within(dialog).getByTestId('push-last-error').textContent).toBe('WALMART 401: bad token (Mar 10, 06:30 CDT)');
  expect(within(dialog).getByTestId('push-subscribe').textContent).toBe('Turn on pushes');
  fireEvent.click(within(dialog).getByTestId('push-unsubscribe'));
  await waitFor(() => expect(within(dialog).getByTestId('push-action-done').textContent).toContain('Pushes are off'));
  expect(calls.find((call) => call.document === UnsubscribePushMutation)?.variables).toEqual({ accountId: 'acc-w' });
});

test('unavailable: the reason names the setting and turning on is not offered as possible', () => {
  serve([], new Map());
  const reason = 'Webhooks need PUBLIC_URL, the address Walmart can reach the hub at; it is not set.';
  renderTable([
    walmart(
      pushStatus({ state: 'OFF', available: false, unavailableReason: reason, webhookUrl: null, subscribedAt: null }),
    ),
  ]);
  expect(screen.getByTestId('push-headline').textContent).toBe('Pushes unavailable — polling every 10 min');
  const { dialog } = openPanel();
  expect(within(dialog).getByTestId('push-unavailable').textContent).toContain(reason);
  const subscribe = within(dialog).getByTestId<HTMLButtonElement>('push-subscribe');
  expect(subscribe.disabled).toBe(true);
  expect(subscribe.title).toBe(reason);
  expect(within(dialog).queryByTestId('push-webhook-url')).toBeNull();
});

test('an Amazon queue shows its dead letters', () => {
  serve([], new Map());
  renderTable([walmart(pushStatus({ transport: 'QUEUE', webhookUrl: null, deadLetters: 3 }))]);
  const { dialog } = openPanel();
  expect(within(dialog).getByTestId('push-dead-letters').textContent).toBe('3 in 7 days');
  expect(within(dialog).queryByTestId('push-webhook-url')).toBeNull();
});

test('an OPERATOR reads the status without the buttons; Escape closes and focus returns', async () => {
  serve([], new Map());
  renderTable([walmart(pushStatus())], 'OPERATOR');
  const { opener, dialog } = openPanel();
  expect(opener.textContent).toBe('Order push details…');
  expect(within(dialog).getByTestId('push-read-only').textContent).toContain('ADMIN');
  expect(
    within(dialog)
      .getAllByRole('button')
      .map((button) => button.textContent),
  ).toEqual(['×', 'Copy URL']);
  // The URL to copy is the first field: the focus starts there.
  expect(document.activeElement).toBe(within(dialog).getByTestId('push-webhook-url'));
  fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
  expect(screen.queryByRole('dialog')).toBeNull();
  await waitFor(() => expect(document.activeElement).toBe(opener));
});
