import { fireEvent, render, screen } from '@testing-library/react';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { newMailboxValues } from '../lib/mailbox-form-values';
import type { MailboxView } from '../lib/mailbox-views';
import { MailboxForm } from './mailbox-form';
import { MailboxStatus } from './mailbox-status';

const refused = () => {
  const payload = {
    message: 'input.password: the server refused the login for orders@example.com: check the password.',
    extensions: { code: 'BAD_USER_INPUT', field: 'input.password' },
  };
  return new GraphQLRequestError(payload.message, 'BAD_USER_INPUT', [payload]);
};

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

test('connecting checks the fields first, then sends the values with the accounts ticked', () => {
  const submit = jest.fn();
  render(
    <MailboxForm
      mode="connect"
      initial={newMailboxValues()}
      accounts={[{ id: 'acc-w', name: 'Walmart US' }]}
      pending={false}
      error={null}
      onSubmit={submit}
      onCancel={jest.fn()}
    />,
  );
  fireEvent.click(screen.getByTestId('mailbox-save'));
  expect(submit).not.toHaveBeenCalled();
  expect(screen.getByTestId('mailbox-error-host').textContent).toMatch(/host name is needed/);
  expect(screen.getByTestId('mailbox-host').getAttribute('aria-invalid')).toBe('true');
  fill('Name', 'Orders');
  fill('Host', 'imap.example.com');
  fill('User', 'orders@example.com');
  fill('Password', 'wrong');
  fireEvent.click(screen.getByLabelText('Walmart US'));
  fireEvent.click(screen.getByTestId('mailbox-save'));
  expect(submit).toHaveBeenCalledWith(
    expect.objectContaining({ host: 'imap.example.com', port: '993', secure: true, accountIds: ['acc-w'] }),
  );
});

test('a refused login is said in words beside the password, and goes once the password is changed', () => {
  const { rerender } = render(
    <MailboxForm
      mode="connect"
      initial={{ ...newMailboxValues(), name: 'Orders', host: 'imap.example.com', user: 'orders@example.com' }}
      accounts={[]}
      pending={false}
      error={null}
      onSubmit={jest.fn()}
      onCancel={jest.fn()}
    />,
  );
  rerender(
    <MailboxForm
      mode="connect"
      initial={newMailboxValues()}
      accounts={[]}
      pending={false}
      error={refused()}
      onSubmit={jest.fn()}
      onCancel={jest.fn()}
    />,
  );
  expect(screen.getByTestId('mailbox-error-password').textContent).toBe(
    'the server refused the login for orders@example.com: check the password.',
  );
  expect(screen.queryByTestId('error-state')).toBeNull();
  fill('Password', 'right');
  expect(screen.queryByTestId('mailbox-error-password')).toBeNull();
});

const mailbox = (sync: MailboxView['sync']): MailboxView => ({
  id: 'mbx-1',
  name: 'Orders',
  host: 'imap.example.com',
  port: 993,
  secure: true,
  user: 'orders@example.com',
  folders: { inbox: 'INBOX', junk: 'Junk', sent: null },
  enabled: true,
  accountIds: [],
  sync,
});

test('the status says when the mailbox was last read, its last error in words and how many messages were read', () => {
  render(
    <MailboxStatus
      mailbox={mailbox({
        lastRunAt: new Date(Date.now() - 60_000).toISOString(),
        lastSuccessAt: '2026-12-01T12:00:00Z',
        lastError: 'The server refused the password for orders@example.com.',
        messagesRead: 14,
      })}
      timeZone="America/New_York"
    />,
  );
  expect(screen.getByTestId('mailbox-state').textContent).toBe('Cannot read');
  expect(screen.getByTestId('mailbox-last-read').textContent).toMatch(/ago \(Dec 1, 07:00 EST\)$/);
  expect(screen.getByTestId('mailbox-last-error').textContent).toBe(
    'The server refused the password for orders@example.com.',
  );
  expect(screen.getByTestId('mailbox-messages-read').textContent).toBe('14 messages read');
  expect(screen.getByTestId('mailbox-status').textContent).toContain('no sent folder found');
});
