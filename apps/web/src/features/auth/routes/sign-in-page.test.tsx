import { fireEvent, screen } from '@testing-library/react';
import { authRequest } from '@/lib/auth-request';
import { csrfToken } from '@/lib/csrf-token';
import { refuse, serveAuth } from '@/test/serve-auth';
import { renderRoutes } from '@/test/render-routes';
import { SignInPage } from './sign-in-page';

jest.mock('@/lib/auth-request', () => ({
  ...jest.requireActual<typeof import('@/lib/auth-request')>('@/lib/auth-request'),
  authRequest: jest.fn(),
}));
afterEach(() => (authRequest as unknown as jest.Mock).mockReset());

const ana = { id: 'u1', email: 'ana@example.com', name: 'Ana', role: 'OPERATOR' };
const noSession = () => refuse(401, 'Your session has ended: sign in again.');
const options = (overrides = {}) => ({ passwordSignIn: true, sso: null, passwordReset: false, ...overrides });

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('sign-in-submit'));
}

test('signing in keeps the CSRF token in memory and goes back to the page the person was on', async () => {
  let signedIn = false;
  const session = { status: 'SIGNED_IN', csrfToken: 'csrf-ana', user: ana };
  const calls = serveAuth({
    'GET /auth/session': () => (signedIn ? { ...session, expiresAt: '', idleExpiresAt: '' } : noSession()),
    'GET /auth/options': () => options(),
    'POST /auth/sign-in': () => {
      signedIn = true;
      return session;
    },
  });
  renderRoutes('/sign-in?next=%2Forders%2Fo-1%3Ftab%3Dlines', { '/sign-in': <SignInPage /> });
  fillAndSubmit(' ana@example.com ', 'correct horse battery');
  expect((await screen.findByTestId('location')).textContent).toBe('/orders/o-1?tab=lines');
  expect(calls.find((call) => call.route === 'POST /auth/sign-in')?.body).toEqual({
    email: 'ana@example.com',
    password: 'correct horse battery',
  });
  expect(csrfToken.get()).toBe('csrf-ana');
  expect(sessionStorage.length + localStorage.length).toBe(0);
});

test('a session that needs its second factor goes to it, carrying next', async () => {
  serveAuth({
    'GET /auth/session': noSession,
    'GET /auth/options': () => options(),
    'POST /auth/sign-in': () => ({ status: 'MFA_REQUIRED', csrfToken: 'c', user: ana }),
  });
  renderRoutes('/sign-in?next=%2Falerts', { '/sign-in': <SignInPage /> });
  fillAndSubmit('ana@example.com', 'correct horse battery');
  expect((await screen.findByTestId('location')).textContent).toBe('/sign-in/mfa?next=%2Falerts');
});

test('a wrong password shows the one generic message; a lockout says how long', async () => {
  let locked = false;
  serveAuth({
    'GET /auth/session': noSession,
    'GET /auth/options': () => options(),
    'POST /auth/sign-in': () =>
      locked
        ? refuse(429, 'Too many failed sign-ins: try again in 4 minutes.', null, 230)
        : refuse(401, 'Wrong e-mail or password.'),
  });
  renderRoutes('/sign-in', { '/sign-in': <SignInPage /> });
  fillAndSubmit('ana@example.com', 'wrong');
  expect((await screen.findByTestId('sign-in-error')).textContent).toBe('Wrong e-mail or password.');
  locked = true;
  fireEvent.click(screen.getByTestId('sign-in-submit'));
  expect((await screen.findByText(/Too many failed/)).textContent).toBe(
    'Too many failed sign-ins: try again in 4 minutes.',
  );
  expect(screen.getByTestId('sign-in-error').getAttribute('role')).toBe('alert');
});

test('SSO and "Forgot password?" appear when the hub offers them; an SSO refusal is shown in words', async () => {
  serveAuth({
    'GET /auth/session': noSession,
    'GET /auth/options': () => options({ sso: { label: 'Sign in with Okta' }, passwordReset: true }),
  });
  const refusal = "The sign-in response did not match this browser's request (state): start again.";
  renderRoutes(`/sign-in?next=%2Fmcf&error=${encodeURIComponent(refusal)}`, { '/sign-in': <SignInPage /> });
  const sso = await screen.findByTestId('sign-in-sso');
  expect(sso.textContent).toBe('Sign in with Okta');
  expect(sso.getAttribute('href')).toBe('/auth/oidc/start?returnTo=%2Fmcf');
  expect(screen.getByTestId('sign-in-forgot').getAttribute('href')).toBe('/forgot-password');
  expect(screen.getByTestId('sign-in-sso-error').textContent).toBe(refusal);
});

test('without SSO or SMTP neither shows; a tab already signed in skips the form', async () => {
  serveAuth({
    'GET /auth/session': () => ({ status: 'SIGNED_IN', csrfToken: 'c', user: ana, expiresAt: '', idleExpiresAt: '' }),
    'GET /auth/options': () => options(),
  });
  renderRoutes('/sign-in?next=%2Fcompliance', { '/sign-in': <SignInPage /> });
  expect((await screen.findByTestId('location')).textContent).toBe('/compliance');
});

test('the form alone, without SSO or reset links, when the hub has neither', async () => {
  serveAuth({ 'GET /auth/session': noSession, 'GET /auth/options': () => options() });
  renderRoutes('/sign-in', { '/sign-in': <SignInPage /> });
  await screen.findByTestId('sign-in-page');
  await Promise.resolve();
  expect(screen.queryByTestId('sign-in-sso')).toBeNull();
  expect(screen.queryByTestId('sign-in-forgot')).toBeNull();
  expect(screen.getByLabelText('Password').getAttribute('autocomplete')).toBe('current-password');
});
