import { fireEvent, screen, waitFor } from '@testing-library/react';
import { request } from '@/lib/api';
import { authRequest } from '@/lib/auth-request';
import { serve } from '@/test/serve';
import { serveAuth } from '@/test/serve-auth';
import { renderRoutes } from '@/test/render-routes';
import { AccountPage } from './account-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));
jest.mock('@/lib/auth-request', () => ({
  ...jest.requireActual<typeof import('@/lib/auth-request')>('@/lib/auth-request'),
  authRequest: jest.fn(),
}));
afterEach(() => {
  (authRequest as unknown as jest.Mock).mockReset();
  (request as unknown as jest.Mock).mockReset();
});

const session = (mfaEnabled: boolean) => ({
  status: 'SIGNED_IN',
  csrfToken: 'c',
  user: { id: 'u1', email: 'ana@example.com', name: 'Ana Lima', role: 'OPERATOR', mfaEnabled },
  expiresAt: '2026-12-03T22:00:00Z',
  idleExpiresAt: '2026-12-03T12:00:00Z',
});

test('my account: who I am; without MFA, a way to set it up', async () => {
  serveAuth({ 'GET /auth/session': () => session(false) });
  renderRoutes('/account', { '/account': <AccountPage /> });
  expect((await screen.findByTestId('account-email')).textContent).toBe('ana@example.com');
  expect(screen.getByTestId('account-role').textContent).toBe('OPERATOR');
  expect(screen.getByTestId('account-mfa-status').textContent).toBe('Off. Set up two-factor sign-in');
  expect(screen.getByRole('link', { name: 'Set up two-factor sign-in' }).getAttribute('href')).toBe(
    '/mfa/enrol?next=%2Faccount',
  );
});

test('new recovery codes need a code from the app; sign out everywhere asks first, then goes to sign-in', async () => {
  const auth = serveAuth({ 'GET /auth/session': () => session(true), 'POST /auth/sign-out-everywhere': () => null });
  const calls = serve({
    RegenerateRecoveryCodes: () => ({ regenerateRecoveryCodes: { codes: ['wxyz-1234'] } }),
  });
  renderRoutes('/account', { '/account': <AccountPage /> });
  fireEvent.change(await screen.findByTestId('mfa-code'), { target: { value: '123456' } });
  fireEvent.click(screen.getByTestId('regenerate-codes'));
  expect((await screen.findByTestId('recovery-code')).textContent).toBe('wxyz-1234');
  expect(calls[0]).toEqual({ operation: 'RegenerateRecoveryCodes', variables: { code: '123456' } });

  fireEvent.click(screen.getByTestId('sign-out-everywhere'));
  expect(auth.some((call) => call.route === 'POST /auth/sign-out-everywhere')).toBe(false);
  fireEvent.click(screen.getByTestId('sign-out-everywhere-confirm'));
  expect((await screen.findByTestId('location')).textContent).toBe('/sign-in');
  await waitFor(() => expect(auth.some((call) => call.route === 'POST /auth/sign-out-everywhere')).toBe(true));
});
