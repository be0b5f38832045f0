import { fireEvent, screen, waitFor } from '@testing-library/react';
import { request } from '@/lib/api';
import { authRequest } from '@/lib/auth-request';
import { csrfToken } from '@/lib/csrf-token';
import { serve } from '@/test/serve';
import { refuse, serveAuth } from '@/test/serve-auth';
import { renderRoutes } from '@/test/render-routes';
import { AuthenticatedLayout } from './authenticated-layout';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));
jest.mock('@/lib/auth-request', () => ({
  ...jest.requireActual<typeof import('@/lib/auth-request')>('@/lib/auth-request'),
  authRequest: jest.fn(),
}));
beforeEach(() => serve({ Me: () => ({ me: { name: 'ana@example.com', role: 'ADMIN', user: { id: 'u1' } } }) }));
afterEach(() => {
  (authRequest as unknown as jest.Mock).mockReset();
  (request as unknown as jest.Mock).mockReset();
});

const session = (status: string, role = 'ADMIN') => ({
  status,
  csrfToken: 'csrf-1',
  user: { id: 'u1', email: 'ana@example.com', name: 'Ana Lima', role },
  expiresAt: '2026-12-03T22:00:00Z',
  idleExpiresAt: '2026-12-03T12:00:00Z',
});

function renderAt(path: string) {
  return renderRoutes(path, {
    '/': <AuthenticatedLayout />,
    '/orders/:id': <AuthenticatedLayout />,
  });
}

test('without a session (a new tab of a signed-out browser), the page sends to sign-in and keeps where it was', async () => {
  serveAuth({ 'GET /auth/session': () => refuse(401, 'Your session has ended: sign in again.') });
  renderAt('/orders/o-1?tab=lines');
  expect((await screen.findByTestId('location')).textContent).toBe('/sign-in?next=%2Forders%2Fo-1%3Ftab%3Dlines');
});

test('a session missing its second factor goes to it, or to enrolment, before any page', async () => {
  serveAuth({ 'GET /auth/session': () => session('MFA_ENROLMENT_REQUIRED') });
  renderAt('/orders/o-1');
  expect((await screen.findByTestId('location')).textContent).toBe('/mfa/enrol?next=%2Forders%2Fo-1');
});

test('a signed-in tab (the cookie is shared) shows "Signed in as", and signing out ends the session and goes to sign-in', async () => {
  const calls = serveAuth({ 'GET /auth/session': () => session('SIGNED_IN'), 'POST /auth/sign-out': () => null });
  renderAt('/orders/o-1');
  const menu = await screen.findByTestId('user-menu');
  expect(menu.textContent).toBe('Signed in as Ana Lima ADMIN');
  expect(csrfToken.get()).toBe('csrf-1');
  expect(screen.getByTestId('nav-users')).toBeTruthy();
  expect(menu.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(menu);
  fireEvent.keyDown(screen.getByTestId('user-menu-account'), { key: 'Escape' });
  expect(screen.queryByTestId('user-menu-items')).toBeNull();
  expect(document.activeElement).toBe(menu);
  fireEvent.click(menu);
  expect(menu.getAttribute('aria-expanded')).toBe('true');
  expect(screen.getByTestId('user-menu-account').getAttribute('href')).toBe('/account');
  fireEvent.click(screen.getByTestId('sign-out'));
  expect((await screen.findByTestId('location')).textContent).toBe('/sign-in');
  expect(calls.map((call) => call.route)).toContain('POST /auth/sign-out');
  await waitFor(() => expect(csrfToken.get()).toBeNull());
});

test('people who are not admins have no Users link', async () => {
  serveAuth({ 'GET /auth/session': () => session('SIGNED_IN', 'VIEWER') });
  renderAt('/');
  await screen.findByTestId('user-menu');
  expect(screen.queryByTestId('nav-users')).toBeNull();
});

test('pages open only once the role is known: a failing `me` says so instead of a page with no role', async () => {
  serve({});
  serveAuth({ 'GET /auth/session': () => session('SIGNED_IN') });
  renderAt('/orders/o-1');
  expect((await screen.findByTestId('error-state')).textContent).toMatch(/The session cannot be checked/);
  expect(screen.queryByTestId('user-menu')).toBeNull();
});
