import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { request } from '@/lib/api';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { serve } from '@/test/serve';
import { authQueryKeys } from '@/features/auth/api/auth.hooks';
import { NotificationsSettingsPage } from './notifications-settings-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

afterEach(() => (request as unknown as jest.Mock).mockReset());

const rule = {
  id: 'r-1',
  name: 'Buyers waiting',
  enabled: true,
  kinds: ['BUYER_MESSAGE_OVERDUE'],
  minSeverity: 'HIGH',
  channel: null,
  accountId: null,
  accountName: null,
  emails: ['ops@example.com'],
  userIds: [],
  people: [],
  webhookUrl: 'https://hooks.example.com/x',
  hasWebhookSecret: true,
  mode: 'IMMEDIATE',
  digestHour: 8,
  quietFrom: null,
  quietTo: null,
  timeZone: 'America/New_York',
};
const delivery = {
  id: 'd-1',
  ruleId: 'r-1',
  ruleName: 'Buyers waiting',
  kind: 'TEST',
  alertId: null,
  digestDate: null,
  targetKind: 'EMAIL',
  target: 'ops@example.com',
  summary: 'Test of Buyers waiting',
  status: 'SENT',
  attempts: 1,
  nextAttemptAt: null,
  lastError: null,
  responseStatus: null,
  sentAt: '2026-12-03T12:00:00Z',
  createdAt: '2026-12-03T12:00:00Z',
};

function renderPage(role = 'ADMIN') {
  const rules: (typeof rule)[] = [];
  const calls = serve({
    NotificationSettings: () => ({
      notificationRules: rules,
      notificationAlertKinds: [{ kind: 'BUYER_MESSAGE_OVERDUE', label: 'Buyer message not answered in time' }],
      channelAccounts: [{ id: 'acc-w', name: 'Walmart US', channel: 'WALMART', timeZone: 'America/New_York' }],
    }),
    NotificationPeople: () => ({ users: [{ id: 'u1', name: 'Ana Lima', email: 'ana@example.com', status: 'ACTIVE' }] }),
    NotificationDeliveries: () => ({
      notificationDeliveries: {
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: [{ cursor: 'd-1', node: delivery }],
      },
    }),
    CreateNotificationRule: (variables) => {
      const input = variables.input as { webhookUrl: string | null };
      if (input.webhookUrl?.includes('internal')) {
        const payload = {
          message: 'input.webhookUrl: must be an http:// or https:// URL such as https://hooks.example.com/order-hub.',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.webhookUrl' },
        };
        throw new GraphQLRequestError(payload.message, 'BAD_USER_INPUT', [payload]);
      }
      rules.push(rule);
      return { createNotificationRule: { rule, webhookSecret: 'whsec_0123456789abcdef' } };
    },
    TestNotificationRule: () => ({ testNotificationRule: [delivery] }),
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(authQueryKeys.me(), { me: { id: 't', name: 'tester', prefix: 'oh_t', role } });
  render(
    <MemoryRouter>
      <QueryClientProvider client={client}>
        <NotificationsSettingsPage />
      </QueryClientProvider>
    </MemoryRouter>,
  );
  return calls;
}

test('an admin adds a rule: a refused URL is said beside it, then the secret shows once and the rule reads in words', async () => {
  const calls = renderPage();
  fireEvent.click(await screen.findByTestId('rule-add'));
  expect(screen.getByLabelText<HTMLInputElement>('Time zone').value).toBe('America/New_York');
  fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Buyers waiting' } });
  fireEvent.click(screen.getByLabelText('Buyer message not answered in time'));
  fireEvent.change(screen.getByLabelText('E-mail addresses'), { target: { value: 'ops@example.com' } });
  fireEvent.change(screen.getByLabelText('Webhook URL'), { target: { value: 'https://internal/x' } });
  fireEvent.click(screen.getByTestId('rule-save'));
  expect((await screen.findByTestId('rule-error-webhookUrl')).textContent).toBe(
    'must be an http:// or https:// URL such as https://hooks.example.com/order-hub.',
  );
  fireEvent.change(screen.getByLabelText('Webhook URL'), { target: { value: 'https://hooks.example.com/x' } });
  fireEvent.click(screen.getByTestId('rule-save'));
  expect((await screen.findByTestId<HTMLInputElement>('webhook-secret-value')).value).toBe('whsec_0123456789abcdef');
  expect(calls.filter((c) => c.operation === 'CreateNotificationRule').at(-1)!.variables.input).toMatchObject({
    name: 'Buyers waiting',
    kinds: ['BUYER_MESSAGE_OVERDUE'],
    minSeverity: 'HIGH',
    emails: ['ops@example.com'],
    webhookUrl: 'https://hooks.example.com/x',
    mode: 'IMMEDIATE',
    timeZone: 'America/New_York',
  });
  const card = await screen.findByTestId('rule');
  expect(within(card).getByTestId('rule-alerts').textContent).toBe(
    'Buyer message not answered in time; high and critical',
  );
  fireEvent.click(screen.getByTestId('webhook-secret-done'));
  expect(screen.queryByTestId('webhook-secret')).toBeNull();

  fireEvent.click(within(card).getByTestId('rule-test'));
  expect((await screen.findByTestId('rule-test-result')).textContent).toBe(
    'E-mail to ops@example.com: Sent Dec 3, 07:00 EST',
  );
  const log = await screen.findByTestId('delivery');
  expect(log.textContent).toContain('Buyers waiting');
});

test('an operator may send a test but not add, edit or remove rules', async () => {
  renderPage('OPERATOR');
  await screen.findByTestId('deliveries');
  expect(screen.queryByTestId('rule-add')).toBeNull();
  await waitFor(() => expect(screen.getByTestId('rules-empty')).toBeTruthy());
});
