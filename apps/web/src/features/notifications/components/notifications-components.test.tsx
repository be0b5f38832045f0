import { fireEvent, render, screen, within } from '@testing-library/react';
import { GraphQLRequestError } from '@/lib/graphql-client';
import type { NotificationRuleView } from '../lib/notification-views';
import { newRuleValues } from '../lib/rule-form-values';
import { DeliveriesLog } from './deliveries-log';
import { RuleCard } from './rule-card';
import { RuleForm } from './rule-form';

const accounts = [
  { id: 'acc-w', name: 'Walmart US', channel: 'WALMART' as const },
  { id: 'acc-a', name: 'Amazon US', channel: 'AMAZON' as const },
];
const people = [{ id: 'u1', name: 'Ana Lima', email: 'ana@example.com' }];
const kinds = [
  { kind: 'PAST_SHIP_BY', label: 'Order past its ship-by date' },
  { kind: 'BUYER_MESSAGE_OVERDUE', label: 'Buyer message not answered in time' },
];

function renderForm(error: unknown = null, submit = jest.fn()) {
  return render(
    <RuleForm
      mode="create"
      initial={newRuleValues('America/New_York')}
      accounts={accounts}
      kinds={kinds}
      people={people}
      pending={false}
      error={error}
      onSubmit={submit}
      onCancel={jest.fn()}
    />,
  );
}

test('a rule is made of kinds, severity in words, channel and account, people, addresses and a webhook', () => {
  const submit = jest.fn();
  renderForm(null, submit);
  expect(document.activeElement).not.toBeNull();
  fireEvent.click(screen.getByTestId('rule-save'));
  expect(submit).not.toHaveBeenCalled();
  expect(screen.getByTestId('rule-error-emails').textContent).toBe(
    'Say who hears of it: people, e-mail addresses or a webhook URL.',
  );
  fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Buyers waiting' } });
  fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'WALMART' } });
  const account = screen.getByLabelText<HTMLSelectElement>('Account');
  expect([...account.options].map((option) => option.text)).toEqual(['Every account', 'Walmart US']);
  fireEvent.change(account, { target: { value: 'acc-w' } });
  fireEvent.click(screen.getByLabelText('Buyer message not answered in time'));
  fireEvent.click(screen.getByLabelText('Ana Lima'));
  expect(screen.getByLabelText<HTMLSelectElement>('How serious').selectedOptions[0].text).toBe('High and critical');
  fireEvent.change(screen.getByLabelText('Webhook URL'), { target: { value: 'https://hooks.example.com/x' } });
  fireEvent.change(screen.getByLabelText('Quiet from'), { target: { value: '22:00' } });
  fireEvent.change(screen.getByLabelText('Quiet until'), { target: { value: '07:00' } });
  fireEvent.click(screen.getByTestId('rule-save'));
  expect(submit).toHaveBeenCalledWith(
    expect.objectContaining({
      name: 'Buyers waiting',
      channel: 'WALMART',
      accountId: 'acc-w',
      kinds: ['BUYER_MESSAGE_OVERDUE'],
      userIds: ['u1'],
      webhookUrl: 'https://hooks.example.com/x',
      mode: 'IMMEDIATE',
      quietFrom: '22:00',
      quietTo: '07:00',
    }),
  );
});

test("the server's refusal of a webhook URL is said beside it, in its words", () => {
  const payload = {
    message: 'input.webhookUrl: must be an https:// URL the hub can reach',
    extensions: { code: 'BAD_USER_INPUT', field: 'input.webhookUrl' },
  };
  renderForm(new GraphQLRequestError(payload.message, 'BAD_USER_INPUT', [payload]));
  expect(screen.getByTestId('rule-error-webhookUrl').textContent).toBe('must be an https:// URL the hub can reach');
  expect(screen.getByTestId('rule-webhook-url').getAttribute('aria-invalid')).toBe('true');
});

const rule: NotificationRuleView = {
  id: 'r-1',
  name: 'Night shift',
  enabled: true,
  kinds: [],
  minSeverity: 'CRITICAL',
  channel: 'WALMART',
  accountId: 'acc-w',
  accountName: 'Walmart US',
  emails: ['ops@example.com'],
  userIds: ['u1'],
  people,
  webhookUrl: 'https://hooks.example.com/x',
  mode: 'IMMEDIATE',
  digestHour: 8,
  quietFrom: '22:00',
  quietTo: '07:00',
  timeZone: 'America/New_York',
};

test('a rule reads in words', () => {
  render(<RuleCard rule={{ ...rule, kinds: ['PAST_SHIP_BY'] }} kinds={kinds} />);
  const card = screen.getByTestId('rule');
  expect(within(card).getByTestId('rule-alerts').textContent).toBe('Order past its ship-by date; critical only');
  expect(card.textContent).toContain('Walmart, Walmart US');
  expect(within(card).getByTestId('rule-recipients').textContent).toBe(
    'Ana Lima, ops@example.com, webhook https://hooks.example.com/x',
  );
  expect(within(card).getByTestId('rule-schedule').textContent).toBe(
    'Each alert as it opens. Quiet 22:00–07:00 America/New_York (critical alerts still go out)',
  );
});

test('the delivery log says each status in words with the last error the target gave', () => {
  render(
    <DeliveriesLog
      rules={new Map([['r-1', { name: 'Night shift', timeZone: 'America/New_York' }]])}
      deliveries={[
        {
          id: 'd-1',
          ruleId: 'r-1',
          kind: 'ALERT',
          alertId: 'a-1',
          targetKind: 'WEBHOOK',
          target: 'https://hooks.example.com/x',
          summary: 'Order 1796000000001 past its ship-by date',
          status: 'RETRYING',
          attempts: 1,
          nextAttemptAt: '2026-12-03T12:01:00Z',
          lastError: 'The receiver answered 500 Internal Server Error.',
          responseStatus: 500,
          createdAt: '2026-12-03T12:00:00Z',
        },
        {
          id: 'd-2',
          ruleId: 'r-1',
          kind: 'TEST',
          targetKind: 'EMAIL',
          target: 'ops@example.com',
          summary: 'Test of Night shift',
          status: 'SENT',
          attempts: 1,
          sentAt: '2026-12-03T12:00:02Z',
          createdAt: '2026-12-03T12:00:00Z',
        },
      ]}
    />,
  );
  const [retrying, sent] = screen.getAllByTestId('delivery');
  expect(within(retrying).getByTestId('delivery-status').textContent).toBe(
    'Not delivered after 1 try; trying again Dec 3, 07:01 ESTThe receiver answered 500 Internal Server Error. (the server answered 500)',
  );
  expect(sent.textContent).toContain('E-mail to ops@example.com');
  expect(sent.textContent).toContain('TestTest of Night shift');
  expect(within(sent).getByTestId('delivery-status').textContent).toBe('Sent Dec 3, 07:00 EST');
});
