import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { request } from '@/lib/api';
import { serve } from '@/test/serve';
import { renderRoutes } from '@/test/render-routes';
import { ApiTokensPage } from './api-tokens-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));
afterEach(() => (request as unknown as jest.Mock).mockReset());

const me = (role: string) => () => ({ me: { name: 'admin@example.com', role, user: { id: 'u-admin' } } });
const token = (overrides: object) => ({
  id: 't-1',
  name: 'warehouse',
  prefix: 'oh_ab12',
  role: 'OPERATOR',
  createdAt: '2026-12-01T10:00:00Z',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  user: null,
  ...overrides,
});
const ana = {
  id: 'u-1',
  email: 'ana@example.com',
  name: 'Ana',
  role: 'OPERATOR',
  status: 'ACTIVE',
  createdAt: '2026-12-01T10:00:00Z',
  createdBy: null,
  lastSignInAt: null,
  mfaEnabled: false,
};

const renderPage = () => renderRoutes('/settings/api-tokens', { '/settings/api-tokens': <ApiTokensPage /> });

test('a viewer reads that only admins manage tokens', async () => {
  serve({ Me: me('VIEWER') });
  renderPage();
  expect((await screen.findByTestId('admin-only')).textContent).toBe('Only admins can manage API tokens.');
});

test('tokens show whom they act for; creating one for a person with an expiry shows its secret once', async () => {
  const calls = serve({
    Me: me('ADMIN'),
    ApiTokens: () => ({
      apiTokens: [
        token({}),
        token({ id: 't-2', name: 'ana-cli', user: { id: 'u-1', email: 'ana@example.com', name: 'Ana' } }),
      ],
    }),
    Users: () => ({ users: [ana] }),
    CreateApiToken: () => ({
      createApiToken: { token: 'oh_secret_once', apiToken: { id: 't-3', name: 'scanner', prefix: 'oh_se' } },
    }),
  });
  renderPage();
  const rows = await screen.findAllByTestId('token-row');
  expect(rows.map((element) => within(element).getByTestId('token-acts-for').textContent)).toEqual([
    'integration',
    'ana@example.com',
  ]);
  fireEvent.click(screen.getByTestId('token-new'));
  fireEvent.change(screen.getByTestId('token-name'), { target: { value: 'scanner' } });
  fireEvent.change(screen.getByTestId('token-expiry'), { target: { value: '2027-01-31' } });
  await screen.findByRole('option', { name: 'Ana (ana@example.com)' });
  fireEvent.change(screen.getByTestId('token-user'), { target: { value: 'u-1' } });
  fireEvent.click(screen.getByTestId('token-create'));
  expect((await screen.findByTestId<HTMLInputElement>('token-secret')).value).toBe('oh_secret_once');
  const input = calls.find((call) => call.operation === 'CreateApiToken')?.variables.input as Record<string, string>;
  expect(input).toMatchObject({ name: 'scanner', role: 'OPERATOR', userId: 'u-1' });
  expect(new Date(input.expiresAt).getDate()).toBe(31);
});

test('revoking asks first', async () => {
  const calls = serve({
    Me: me('ADMIN'),
    ApiTokens: () => ({ apiTokens: [token({})] }),
    RevokeApiToken: ({ id }) => ({ revokeApiToken: { id, revokedAt: '2026-12-03T10:00:00Z' } }),
  });
  renderPage();
  fireEvent.click(await screen.findByTestId('token-revoke'));
  expect(calls.some((call) => call.operation === 'RevokeApiToken')).toBe(false);
  fireEvent.click(screen.getByTestId('token-revoke-confirm'));
  await waitFor(() =>
    expect(calls.find((call) => call.operation === 'RevokeApiToken')?.variables).toEqual({ id: 't-1' }),
  );
});
