import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { request } from '@/lib/api';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { serve } from '@/test/serve';
import { authQueryKeys } from '@/features/auth/api/auth.hooks';
import { MailboxSettingsPage } from './mailbox-settings-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

afterEach(() => (request as unknown as jest.Mock).mockReset());

const mailbox = {
  id: 'mbx-1',
  name: 'Orders',
  host: 'imap.example.com',
  port: 993,
  secure: true,
  user: 'orders@example.com',
  enabled: true,
  accountIds: ['acc-w'],
  folders: { inbox: 'INBOX', junk: 'Junk', sent: 'Sent' },
  sync: {
    lastRunAt: '2026-12-03T12:00:00Z',
    lastSuccessAt: '2026-12-03T11:00:00Z',
    lastError: 'The server refused the password for orders@example.com.',
    nextRunAt: null,
    messagesRead: 3,
    running: false,
  },
};

function renderPage(role = 'ADMIN') {
  const list: (typeof mailbox)[] = [];
  const calls = serve({
    Mailboxes: () => ({
      mailboxes: list,
      channelAccounts: [{ id: 'acc-w', name: 'Walmart US', channel: 'WALMART', timeZone: 'America/New_York' }],
    }),
    ConnectMailbox: (variables) => {
      const input = variables.input as { password: string };
      if (input.password !== 'right') {
        const payload = {
          message: 'The server refused the login for orders@example.com: check the password.',
          extensions: { code: 'BAD_USER_INPUT', field: 'password' },
        };
        throw new GraphQLRequestError(payload.message, 'BAD_USER_INPUT', [payload]);
      }
      list.push(mailbox);
      return { connectMailbox: mailbox };
    },
    RefreshMailbox: () => ({ refreshMailbox: { ...mailbox.sync, lastError: null } }),
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(authQueryKeys.me(), { me: { id: 't', name: 'tester', prefix: 'oh_t', role } });
  render(
    <MemoryRouter>
      <QueryClientProvider client={client}>
        <MailboxSettingsPage />
      </QueryClientProvider>
    </MemoryRouter>,
  );
  return calls;
}

test('connecting: a refused login beside the password, then the mailbox with its status in words and Read now', async () => {
  const calls = renderPage();
  fireEvent.click(await screen.findByTestId('mailbox-connect'));
  fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Orders' } });
  fireEvent.change(screen.getByLabelText('Host'), { target: { value: 'imap.example.com' } });
  fireEvent.change(screen.getByLabelText('User'), { target: { value: 'orders@example.com' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
  fireEvent.change(screen.getByLabelText('Junk folder'), { target: { value: 'Spam' } });
  fireEvent.click(screen.getByLabelText('Walmart US'));
  fireEvent.click(screen.getByTestId('mailbox-save'));
  expect((await screen.findByTestId('mailbox-error-password')).textContent).toBe(
    'The server refused the login for orders@example.com: check the password.',
  );
  expect(calls.find((c) => c.operation === 'ConnectMailbox')!.variables.input).toEqual({
    name: 'Orders',
    host: 'imap.example.com',
    port: 993,
    secure: true,
    user: 'orders@example.com',
    password: 'wrong',
    junkFolder: 'Spam',
    sentFolder: null,
    accountIds: ['acc-w'],
  });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'right' } });
  fireEvent.click(screen.getByTestId('mailbox-save'));
  const card = await screen.findByTestId('mailbox');
  expect(screen.queryByTestId('mailbox-form')).toBeNull();
  expect(within(card).getByTestId('mailbox-last-error').textContent).toBe(
    'The server refused the password for orders@example.com.',
  );
  expect(within(card).getByTestId('mailbox-messages-read').textContent).toBe('3 messages read');
  expect(card.textContent).toContain('for Walmart US');
  fireEvent.click(within(card).getByTestId('mailbox-read-now'));
  await waitFor(() => expect(calls.some((c) => c.operation === 'RefreshMailbox')).toBe(true));
});

test('a viewer sees no Connect, Edit or Read now', async () => {
  renderPage('VIEWER');
  await screen.findByTestId('mailbox-empty');
  expect(screen.queryByTestId('mailbox-connect')).toBeNull();
});
