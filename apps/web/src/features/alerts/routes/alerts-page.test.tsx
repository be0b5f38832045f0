import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { request } from '@/lib/api';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { serve } from '@/test/serve';
import type { AlertView, ChannelWarningView } from '../api/alerts.graphql';
import { AlertsNavLink } from '../components/alerts-nav-link';
import { AlertsPage } from './alerts-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

afterEach(() => (request as unknown as jest.Mock).mockReset());

const alert = (overrides: Partial<AlertView>): AlertView => ({
  id: 'al-1',
  kind: 'MCF_TRACKING_HELD',
  severity: 'HIGH',
  status: 'OPEN',
  orderId: 'ord-1',
  accountId: 'acc-w',
  message: 'Tracking for 1001 is held.',
  action: 'Ship it another way or cancel it.',
  openedAt: '2026-11-24T07:00:00.000Z',
  resolvedAt: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
  ...overrides,
});
const warning = (overrides: Partial<ChannelWarningView>): ChannelWarningView => ({
  id: 'w-1',
  channel: 'WALMART',
  accountId: 'acc-w',
  accountName: 'Demo Walmart US',
  metric: 'VALID_TRACKING_RATE',
  subject: null,
  message: 'Your VTR is below 99%.',
  receivedAt: '2026-11-23T10:00:00.000Z',
  respondBy: '2026-11-24T10:00:00.000Z',
  state: 'DUE_SOON',
  secondsLeft: 3 * 3600 + 10 * 60,
  alertId: null,
  loggedBy: 'ops',
  loggedAt: '2026-11-23T11:00:00.000Z',
  respondedAt: null,
  respondedBy: null,
  responseNote: null,
  ...overrides,
});
const connection = (nodes: AlertView[], hasNextPage = false, totalCount = nodes.length) => ({
  alerts: {
    totalCount,
    pageInfo: { hasNextPage, endCursor: hasNextPage ? 'cursor-1' : null },
    edges: nodes.map((node) => ({ node })),
  },
});
const accounts = {
  channelAccounts: [
    { id: 'acc-w', channel: 'WALMART', name: 'Demo Walmart US' },
    { id: 'acc-a', channel: 'AMAZON', name: 'Demo Amazon US' },
  ],
};

function renderPage(url = '/alerts') {
  render(
    <MemoryRouter initialEntries={[url]}>
      <QueryClientProvider
        client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}
      >
        <AlertsNavLink />
        <AlertsPage />
      </QueryClientProvider>
    </MemoryRouter>,
  );
}

test('unresolved alerts newest first, paged, with the header count of urgent ones and Mark seen', async () => {
  let acknowledged = false;
  const calls = serve({
    Me: () => ({ me: { id: 't', name: 'ops', prefix: 'oh_', role: 'OPERATOR' } }),
    AlertAccounts: () => accounts,
    ChannelWarnings: () => ({ channelWarnings: [] }),
    AlertCount: () => ({ alerts: { totalCount: 3 } }),
    Alerts: (variables) =>
      variables.after === 'cursor-1'
        ? connection([alert({ id: 'al-3', severity: 'MEDIUM', kind: 'PAST_SHIP_BY' })], false, 3)
        : connection(
            [
              alert({ id: 'al-2', severity: 'LOW', kind: 'MCF_NOT_FULFILLED', action: null }),
              alert(
                acknowledged
                  ? { status: 'ACKNOWLEDGED', acknowledgedAt: '2026-11-24T07:40:00.000Z', acknowledgedBy: 'ops' }
                  : {},
              ),
            ],
            true,
            3,
          ),
    AcknowledgeAlert: () => {
      acknowledged = true;
      return {
        acknowledgeAlert: alert({
          status: 'ACKNOWLEDGED',
          acknowledgedAt: '2026-11-24T07:40:00.000Z',
          acknowledgedBy: 'ops',
        }),
      };
    },
  });
  renderPage();
  const items = await screen.findAllByTestId('alert-item');
  // The server's order (newest first), not re-sorted by severity.
  expect(items.map((item) => item.dataset.severity)).toEqual(['LOW', 'HIGH']);
  expect(items[1].getAttribute('role')).toBe('alert');
  expect(screen.getByTestId('alerts-range').textContent).toBe('1–2 of 3');
  expect((await screen.findByTestId('nav-alerts-count')).textContent).toBe('3');
  expect(calls.find((c) => c.operation === 'AlertCount')!.variables).toEqual({
    filter: { statuses: ['OPEN', 'ACKNOWLEDGED'], severities: ['HIGH', 'CRITICAL'] },
  });
  expect(calls.find((c) => c.operation === 'Alerts')!.variables).toEqual({
    filter: { statuses: ['OPEN', 'ACKNOWLEDGED'], severities: null, kinds: null, channel: null, accountId: null },
    first: 25,
    after: null,
  });

  const ack = screen.getAllByTestId<HTMLButtonElement>('alert-acknowledge')[1];
  await waitFor(() => expect(ack.disabled).toBe(false));
  fireEvent.click(ack);
  expect((await screen.findByTestId('alert-acknowledged')).textContent).toMatch(/^Seen by ops/);
  expect(calls.filter((call) => call.operation === 'AcknowledgeAlert')).toEqual([
    { operation: 'AcknowledgeAlert', variables: { id: 'al-1' } },
  ]);

  fireEvent.click(screen.getByTestId('alerts-next'));
  await waitFor(() =>
    expect(screen.getAllByTestId('alert-item').map((item) => item.dataset.alertKind)).toEqual(['PAST_SHIP_BY']),
  );
  expect(calls.filter((c) => c.operation === 'Alerts').at(-1)!.variables.after).toBe('cursor-1');
  expect(screen.getByTestId<HTMLButtonElement>('alerts-next').disabled).toBe(true);
});

test('filters go to the server and into the URL state; a filter change starts from the first page', async () => {
  const calls = serve({
    Me: () => ({ me: { id: 't', name: 'ops', prefix: 'oh_', role: 'VIEWER' } }),
    AlertAccounts: () => accounts,
    ChannelWarnings: () => ({ channelWarnings: [] }),
    AlertCount: () => ({ alerts: { totalCount: 0 } }),
    Alerts: () => connection([]),
  });
  renderPage('/alerts?status=RESOLVED');
  await screen.findByTestId('alerts-empty');
  expect(screen.getByTestId('alerts-empty').textContent).toBe('No alerts match.');
  fireEvent.click(screen.getByTestId('alerts-severity-CRITICAL'));
  fireEvent.change(screen.getByTestId('alerts-kind'), { target: { value: 'TRACKING_REUSED' } });
  await waitFor(() => expect(screen.getByTestId<HTMLSelectElement>('alerts-account').options.length).toBe(3));
  fireEvent.change(screen.getByTestId('alerts-channel'), { target: { value: 'AMAZON' } });
  expect([...screen.getByTestId<HTMLSelectElement>('alerts-account').options].map((o) => o.textContent)).toEqual([
    'Every account',
    'Demo Amazon US',
  ]);
  await waitFor(() =>
    expect(calls.filter((c) => c.operation === 'Alerts').at(-1)!.variables).toEqual({
      filter: {
        statuses: ['RESOLVED'],
        severities: ['CRITICAL'],
        kinds: ['TRACKING_REUSED'],
        channel: 'AMAZON',
        accountId: null,
      },
      first: 25,
      after: null,
    }),
  );
  // A VIEWER cannot log or answer warnings.
  expect(screen.getByTestId<HTMLButtonElement>('warning-log').disabled).toBe(true);
});

test('channel warnings show the time left; one is logged (with field errors from the server) and one answered', async () => {
  let answered = false;
  let attempts = 0;
  const calls = serve({
    Me: () => ({ me: { id: 't', name: 'ops', prefix: 'oh_', role: 'OPERATOR' } }),
    AlertAccounts: () => accounts,
    AlertCount: () => ({ alerts: { totalCount: 0 } }),
    Alerts: () => connection([alert({ id: 'al-9', kind: 'COMPLIANCE_METRIC', orderId: null })]),
    ChannelWarnings: () => ({
      channelWarnings: [
        warning(
          answered
            ? {
                state: 'ANSWERED',
                secondsLeft: null,
                respondedAt: '2026-11-24T08:00:00.000Z',
                respondedBy: 'ops',
                responseNote: 'Case 42',
              }
            : {},
        ),
        warning({
          id: 'w-2',
          channel: 'AMAZON',
          accountName: 'Demo Amazon US',
          metric: null,
          subject: 'Late shipment',
          state: 'OVERDUE',
          secondsLeft: -3700,
        }),
      ],
    }),
    LogChannelWarning: (variables) => {
      attempts += 1;
      if (attempts === 1) {
        throw new GraphQLRequestError('input.receivedAt: cannot be in the future.', 'BAD_USER_INPUT', [
          {
            message: 'input.receivedAt: cannot be in the future.',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.receivedAt' },
          },
        ]);
      }
      return { logChannelWarning: warning({ id: 'w-3', ...(variables.input as object) }) };
    },
    RespondToChannelWarning: () => {
      answered = true;
      return { respondToChannelWarning: warning({ state: 'ANSWERED' }) };
    },
  });
  renderPage();
  const items = await screen.findAllByTestId('warning-item');
  expect(items.map((item) => item.dataset.state)).toEqual(['DUE_SOON', 'OVERDUE']);
  expect(within(items[0]).getByTestId('warning-time-left').textContent).toBe('3 h 10 min left');
  expect(within(items[1]).getByTestId('warning-time-left').textContent).toBe('overdue by 1 h 1 min');

  // Logged from the alert it answers to: the alert's id and account come along.
  await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('alert-log-warning').disabled).toBe(false));
  fireEvent.click(screen.getByTestId('alert-log-warning'));
  const form = screen.getByTestId('warning-form');
  fireEvent.click(within(form).getByTestId('warning-save'));
  expect(within(form).getByTestId('warning-error-subject').textContent).toMatch(/metric or say what it is about/);
  fireEvent.change(within(form).getByTestId('warning-metric'), { target: { value: 'VALID_TRACKING_RATE' } });
  fireEvent.change(within(form).getByTestId('warning-message'), { target: { value: 'VTR below 99%' } });
  fireEvent.click(within(form).getByTestId('warning-save'));
  expect((await within(form).findByTestId('warning-error-receivedAt')).textContent).toBe('cannot be in the future.');
  fireEvent.click(within(form).getByTestId('warning-save'));
  await waitFor(() => expect(screen.queryByTestId('warning-form')).toBeNull());
  const logged = calls.filter((c) => c.operation === 'LogChannelWarning').at(-1)!.variables.input;
  expect(logged).toMatchObject({
    channel: 'WALMART',
    accountId: 'acc-w',
    metric: 'VALID_TRACKING_RATE',
    subject: null,
    message: 'VTR below 99%',
    alertId: 'al-9',
  });

  fireEvent.change(within(items[0]).getByTestId('warning-response-note'), { target: { value: 'Case 42' } });
  fireEvent.click(within(items[0]).getByTestId('warning-respond'));
  expect((await screen.findByTestId('warning-response')).textContent).toMatch(/Answered by ops .*: Case 42/);
  expect(calls.filter((c) => c.operation === 'RespondToChannelWarning')).toEqual([
    { operation: 'RespondToChannelWarning', variables: { id: 'w-1', note: 'Case 42' } },
  ]);
});

test('alerts grouped by kind with counts: a kind filters the list, a whole kind or the ticked ones are marked seen', async () => {
  let seen = new Set<string>();
  const open = [
    alert({ id: 'al-1', kind: 'PAST_SHIP_BY' }),
    alert({ id: 'al-2', kind: 'PAST_SHIP_BY' }),
    alert({ id: 'al-3', kind: 'OUTBOX_FAILED', severity: 'MEDIUM' }),
  ];
  const calls = serve({
    Me: () => ({ me: { id: 't', name: 'ops', prefix: 'oh_', role: 'OPERATOR' } }),
    AlertAccounts: () => accounts,
    ChannelWarnings: () => ({ channelWarnings: [] }),
    AlertCount: () => ({ alerts: { totalCount: 0 } }),
    AlertKindCounts: () => ({
      alertKindCounts: [
        {
          kind: 'PAST_SHIP_BY',
          count: 2,
          unseen: open.filter((a) => a.kind === 'PAST_SHIP_BY' && !seen.has(a.id)).length,
        },
        { kind: 'OUTBOX_FAILED', count: 1, unseen: seen.has('al-3') ? 0 : 1 },
      ],
    }),
    Alerts: (variables) => {
      const kinds = (variables.filter as { kinds: string[] | null }).kinds;
      const nodes = open
        .filter((a) => !kinds || kinds.includes(a.kind))
        .map((a) =>
          seen.has(a.id)
            ? { ...a, status: 'ACKNOWLEDGED' as const, acknowledgedAt: a.openedAt, acknowledgedBy: 'ops' }
            : a,
        );
      return connection(nodes);
    },
    MarkAlertsSeen: (variables) => {
      const v = variables as { ids: string[] | null; kinds: string[] | null };
      const marked = open.filter((a) => v.ids?.includes(a.id) || v.kinds?.includes(a.kind));
      seen = new Set([...seen, ...marked.map((a) => a.id)]);
      return { markAlertsSeen: marked.length };
    },
  });
  renderPage();
  const groups = await screen.findAllByTestId('alert-group');
  expect(groups.map((g) => g.textContent)).toEqual(['Past ship by 2Mark all 2 seen', 'Outbox failed 1Mark all 1 seen']);

  fireEvent.click(within(groups[0]).getByTestId('alert-group-filter'));
  await waitFor(() => expect(screen.getAllByTestId('alert-item')).toHaveLength(2));
  expect(calls.filter((c) => c.operation === 'Alerts').at(-1)!.variables).toMatchObject({
    filter: { kinds: ['PAST_SHIP_BY'] },
  });

  fireEvent.click(within(groups[0]).getByTestId('alert-group-mark-seen'));
  await waitFor(() => expect(screen.getAllByTestId('alert-acknowledged')).toHaveLength(2));
  expect(calls.filter((c) => c.operation === 'MarkAlertsSeen')[0].variables).toEqual({
    ids: null,
    kinds: ['PAST_SHIP_BY'],
  });

  fireEvent.click(within(screen.getAllByTestId('alert-group')[0]).getByTestId('alert-group-filter'));
  await waitFor(() => expect(screen.getAllByTestId('alert-select')).toHaveLength(1));
  fireEvent.click(screen.getByTestId('alert-select'));
  fireEvent.click(screen.getByTestId('alerts-mark-selected-seen'));
  await waitFor(() => expect(screen.queryByTestId('alerts-bulk')).toBeNull());
  expect(calls.filter((c) => c.operation === 'MarkAlertsSeen')[1].variables).toEqual({ ids: ['al-3'], kinds: null });
});
