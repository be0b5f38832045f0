import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { request } from '@/lib/api';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { serve } from '@/test/serve';
import { renderRoutes } from '@/test/render-routes';
import type { UserRow } from '../api/users.graphql';
import { UsersPage } from './users-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));
afterEach(() => (request as unknown as jest.Mock).mockReset());

const me =
  (role: string, id = 'u-admin') =>
  () => ({
    me: { name: 'admin@example.com', role, sessionStatus: 'SIGNED_IN', mfaRequired: true, user: { id } },
  });
const row = (overrides: Partial<UserRow>): UserRow => ({
  id: 'u-1',
  email: 'ana@example.com',
  name: 'Ana',
  role: 'OPERATOR',
  status: 'ACTIVE',
  createdAt: '2026-12-01T10:00:00Z',
  createdBy: 'user:admin@example.com',
  lastSignInAt: null,
  mfaEnabled: true,
  ...overrides,
});
const admin = row({
  id: 'u-admin',
  email: 'admin@example.com',
  name: 'Admin',
  role: 'ADMIN',
  createdBy: 'system:first-start',
});

const renderPage = () => renderRoutes('/settings/users', { '/settings/users': <UsersPage /> });
const rowOf = async (email: string) =>
  (await screen.findAllByTestId('user-row')).find((element) => element.dataset.email === email)!;

test('people who are not admins read why instead of the list', async () => {
  const calls = serve({ Me: me('OPERATOR') });
  renderPage();
  expect((await screen.findByTestId('admin-only')).textContent).toBe('Only admins can manage users.');
  expect(calls.map((call) => call.operation)).toEqual(['Me']);
});

test('the list shows role, status, MFA and last sign-in; my own row cannot be disabled nor its role changed', async () => {
  serve({ Me: me('ADMIN'), Users: () => ({ users: [admin, row({})] }) });
  renderPage();
  const ana = within(await rowOf('ana@example.com'));
  expect(ana.getByTestId('user-status').textContent).toBe('Active');
  expect(ana.getByTestId('user-mfa').textContent).toBe('On');
  expect(ana.getByTestId('user-last-sign-in').textContent).toBe('never');
  expect(ana.getByTestId('user-name').textContent).toBe('Anainvited by admin@example.com');
  const self = within(await rowOf('admin@example.com'));
  expect(self.getByTestId<HTMLSelectElement>('user-role').disabled).toBe(true);
  expect(self.queryByTestId('user-disable')).toBeNull();
  expect(self.queryByTestId('user-reset-mfa')).toBeNull();
});

test('inviting shows the link once, and says it was e-mailed when it was', async () => {
  const invited = row({ id: 'u-2', email: 'bo@example.com', name: 'Bo', status: 'INVITED', mfaEnabled: false });
  const calls = serve({
    Me: me('ADMIN'),
    Users: () => ({ users: [admin] }),
    InviteUser: ({ input }) => {
      if ((input as { email: string }).email === 'not-an-email') {
        const payload = {
          message: 'input.email: must be an e-mail address',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.email' },
        };
        throw new GraphQLRequestError(payload.message, 'BAD_USER_INPUT', [payload]);
      }
      return {
        inviteUser: {
          link: 'http://hub.local/invite#secret',
          emailed: true,
          expiresAt: '2026-12-10T10:00:00Z',
          user: invited,
        },
      };
    },
  });
  renderPage();
  fireEvent.click(await screen.findByTestId('invite-user'));
  fireEvent.change(screen.getByTestId('invite-email'), { target: { value: 'not-an-email' } });
  fireEvent.change(screen.getByTestId('invite-user-name'), { target: { value: 'Bo' } });
  fireEvent.change(screen.getByTestId('invite-role'), { target: { value: 'VIEWER' } });
  fireEvent.click(screen.getByTestId('invite-submit'));
  expect(await screen.findByText('must be an e-mail address')).toBeTruthy();
  fireEvent.change(screen.getByTestId('invite-email'), { target: { value: ' bo@example.com ' } });
  fireEvent.click(screen.getByTestId('invite-submit'));
  expect((await screen.findByTestId<HTMLInputElement>('user-link')).value).toBe('http://hub.local/invite#secret');
  expect(screen.getByTestId('user-link-emailed').textContent).toBe(
    'The invitation link was e-mailed to bo@example.com.',
  );
  expect(calls.filter((call) => call.operation === 'InviteUser').at(-1)?.variables).toEqual({
    input: { email: 'bo@example.com', name: 'Bo', role: 'VIEWER' },
  });
});

test('disabling asks first; role changes save at once; a reset link shows when no e-mail went out', async () => {
  const calls = serve({
    Me: me('ADMIN'),
    Users: () => ({ users: [admin, row({})] }),
    DisableUser: ({ id }) => ({ disableUser: { id, status: 'DISABLED' } }),
    UpdateUser: ({ id }) => ({ updateUser: { id, name: 'Ana', role: 'VIEWER' } }),
    CreatePasswordResetLink: () => ({
      createPasswordResetLink: {
        link: 'http://hub.local/reset-password#r',
        emailed: false,
        expiresAt: '2026-12-03T11:00:00Z',
        user: { id: 'u-1', email: 'ana@example.com' },
      },
    }),
  });
  renderPage();
  const ana = within(await rowOf('ana@example.com'));
  fireEvent.click(ana.getByTestId('user-disable'));
  expect(screen.getByTestId('user-disable-confirmation').textContent).toMatch(/sessions and API tokens stop at once/);
  expect(calls.some((call) => call.operation === 'DisableUser')).toBe(false);
  fireEvent.click(screen.getByTestId('user-disable-confirm'));
  await waitFor(() => expect(calls.filter((call) => call.operation === 'DisableUser')).toHaveLength(1));

  fireEvent.change(ana.getByTestId('user-role'), { target: { value: 'VIEWER' } });
  await waitFor(() =>
    expect(calls.find((call) => call.operation === 'UpdateUser')?.variables).toEqual({
      id: 'u-1',
      input: { role: 'VIEWER' },
    }),
  );
  fireEvent.click(ana.getByTestId('user-reset-link'));
  expect((await ana.findByTestId<HTMLInputElement>('user-link')).value).toBe('http://hub.local/reset-password#r');
  expect(ana.getByTestId('user-link-not-emailed').textContent).toMatch(/copy the link and send it/);
});
