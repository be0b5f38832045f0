import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { OperationDefinitionNode } from 'graphql';
import { MemoryRouter } from 'react-router';
import type { ApiRole } from '@/gql/graphql';
import { request } from '@/lib/api';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { account, syncState } from '../test/account-fixtures';
import { AccountsPage } from './accounts-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));

type Handler = (variables: Record<string, unknown>) => unknown;
const requestMock = request as unknown as jest.Mock;

const walmart = account({ id: 'acc-w', channel: 'WALMART', name: 'Walmart US', marketplace: 'US' });
const amazon = account({
  id: 'acc-a',
  syncState: syncState({
    lastError: 'AMAZON 403: Access to requested resource is denied.',
    lastErrorAt: new Date().toISOString(),
  }),
});

/** Answers each operation by name, and records the calls. */
function serve(role: ApiRole, handlers: Record<string, Handler> = {}) {
  const calls: { operation: string; variables: Record<string, unknown> }[] = [];
  const all: Record<string, Handler> = {
    Me: () => ({ me: { id: 't-1', name: 'tester', prefix: 'oh_test', role } }),
    ChannelAccounts: () => ({ channelAccounts: [amazon, walmart] }),
    ...handlers,
  };
  requestMock.mockImplementation((document: TypedDocumentNode, variables: Record<string, unknown>) => {
    const operation = (document.definitions[0] as OperationDefinitionNode).name!.value;
    calls.push({ operation, variables });
    const handler = all[operation];
    if (!handler) return Promise.reject(new Error(`no handler for ${operation}`));
    try {
      return Promise.resolve(handler(variables));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  return calls;
}

function renderPage() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={['/settings/accounts']}>
        <AccountsPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const rowOf = (name: string) => screen.getAllByTestId('account-row').find((row) => row.dataset.accountName === name)!;

afterEach(() => requestMock.mockReset());

test('lists the accounts with their sync state and the last error as an alert', async () => {
  serve('ADMIN');
  renderPage();
  expect(screen.getByTestId('loading')).toBeTruthy();

  await screen.findAllByTestId('account-row');
  expect(screen.getAllByTestId('account-name').map((cell) => cell.textContent)).toEqual(['Amazon US', 'Walmart US']);
  expect(screen.getByRole('alert').textContent).toContain('AMAZON 403: Access to requested resource is denied.');
  expect(screen.getAllByTestId('sync-phase').map((cell) => cell.textContent)).toEqual(['Incremental', 'Incremental']);
});

test('a VIEWER sees why it cannot sync and no management buttons', async () => {
  serve('VIEWER');
  renderPage();
  await screen.findAllByTestId('account-row');
  await screen.findByTestId('role-notice');

  const syncNow = screen.getAllByTestId<HTMLButtonElement>('sync-now');
  expect(syncNow.every((button) => button.disabled)).toBe(true);
  expect(syncNow[0].title).toMatch(/OPERATOR/);
  expect(screen.queryByTestId('add-account')).toBeNull();
  expect(screen.queryByTestId('edit-account-button')).toBeNull();
  expect(screen.queryByTestId('disable-account')).toBeNull();
});

test('an OPERATOR syncs an account and the list is fetched again', async () => {
  const calls = serve('OPERATOR', {
    SyncAccount: () => ({ syncAccount: syncState({ nextRunAt: new Date().toISOString() }) }),
  });
  renderPage();
  await screen.findAllByTestId('account-row');
  await waitFor(() => expect(screen.getAllByTestId<HTMLButtonElement>('sync-now')[0].disabled).toBe(false));
  expect(screen.queryByTestId('add-account')).toBeNull();

  fireEvent.click(rowOf('Walmart US').querySelector('[data-testid="sync-now"]')!);

  await waitFor(() => expect(calls.filter((call) => call.operation === 'ChannelAccounts')).toHaveLength(2));
  expect(calls.find((call) => call.operation === 'SyncAccount')?.variables).toEqual({ accountId: 'acc-w' });
});

test('a refused sync (CONFLICT) is shown beside the button', async () => {
  serve('ADMIN', {
    SyncAccount: () => {
      throw new GraphQLRequestError('Channel account Walmart US is disabled: enable it before syncing.', 'CONFLICT');
    },
  });
  renderPage();
  await screen.findAllByTestId('account-row');
  await waitFor(() => expect(screen.getAllByTestId<HTMLButtonElement>('sync-now')[1].disabled).toBe(false));

  fireEvent.click(rowOf('Walmart US').querySelector('[data-testid="sync-now"]')!);
  expect((await screen.findByTestId('error-code')).textContent).toBe('CONFLICT');
});

test('an ADMIN adds an account: a refused save keeps the form, a good one closes it and refreshes the list', async () => {
  let attempts = 0;
  const calls = serve('ADMIN', {
    CreateChannelAccount: (variables) => {
      attempts += 1;
      const input = variables.input as { credentials: Record<string, string> };
      if (!input.credentials.clientSecret) {
        const payload = {
          message: 'input.credentials.clientSecret: clientSecret is required.',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.credentials.clientSecret' },
        };
        throw new GraphQLRequestError(payload.message, 'BAD_USER_INPUT', [payload]);
      }
      return { createChannelAccount: account({ id: 'acc-new', channel: 'WALMART', name: 'Walmart CA' }) };
    },
  });
  renderPage();
  fireEvent.click(await screen.findByTestId('add-account'));
  fireEvent.change(screen.getByTestId('field-name'), { target: { value: 'Walmart CA' } });
  fireEvent.change(screen.getByTestId('field-clientId'), { target: { value: 'client' } });
  fireEvent.click(screen.getByTestId('account-save'));

  expect((await screen.findByTestId('field-error-clientSecret')).textContent).toBe('clientSecret is required.');
  expect(screen.getByTestId<HTMLInputElement>('field-name').value).toBe('Walmart CA');

  fireEvent.change(screen.getByTestId('field-clientSecret'), { target: { value: 'secret' } });
  fireEvent.click(screen.getByTestId('account-save'));

  await waitFor(() => expect(screen.queryByTestId('account-form')).toBeNull());
  expect(attempts).toBe(2);
  expect(calls.filter((call) => call.operation === 'CreateChannelAccount')[1].variables).toEqual({
    input: {
      channel: 'WALMART',
      name: 'Walmart CA',
      environment: 'PRODUCTION',
      credentials: { clientId: 'client', clientSecret: 'secret' },
    },
  });
  await waitFor(() => expect(calls.filter((call) => call.operation === 'ChannelAccounts')).toHaveLength(2));
});

test('editing sends only what changed and no credentials when they were left empty', async () => {
  const calls = serve('ADMIN', {
    UpdateChannelAccount: () => ({ updateChannelAccount: { ...walmart, name: 'Walmart US main' } }),
  });
  renderPage();
  await screen.findAllByTestId('account-row');
  fireEvent.click(rowOf('Walmart US').querySelector('[data-testid="edit-account-button"]')!);
  expect(screen.getByTestId<HTMLInputElement>('field-clientSecret').value).toBe('');
  fireEvent.change(screen.getByTestId('field-name'), { target: { value: 'Walmart US main' } });
  fireEvent.click(screen.getByTestId('account-save'));

  await waitFor(() => expect(screen.queryByTestId('edit-account')).toBeNull());
  expect(calls.find((call) => call.operation === 'UpdateChannelAccount')?.variables).toEqual({
    id: 'acc-w',
    input: { name: 'Walmart US main' },
  });
});

test('disabling asks first', async () => {
  const calls = serve('ADMIN', {
    DisableChannelAccount: () => ({ disableChannelAccount: { ...walmart, disabledAt: new Date().toISOString() } }),
  });
  renderPage();
  await screen.findAllByTestId('account-row');
  fireEvent.click(rowOf('Walmart US').querySelector('[data-testid="disable-account"]')!);
  expect(calls.some((call) => call.operation === 'DisableChannelAccount')).toBe(false);

  fireEvent.click(screen.getByTestId('disable-confirm'));
  await waitFor(() =>
    expect(calls.find((call) => call.operation === 'DisableChannelAccount')?.variables).toEqual({ id: 'acc-w' }),
  );
});
