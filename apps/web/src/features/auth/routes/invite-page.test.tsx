import { fireEvent, screen } from '@testing-library/react';
import { authRequest } from '@/lib/auth-request';
import { refuse, serveAuth } from '@/test/serve-auth';
import { renderRoutes } from '@/test/render-routes';
import { InvitePage } from './invite-page';
import { ResetPasswordPage } from './reset-password-page';
import { ForgotPasswordPage } from './forgot-password-page';

jest.mock('@/lib/auth-request', () => ({
  ...jest.requireActual<typeof import('@/lib/auth-request')>('@/lib/auth-request'),
  authRequest: jest.fn(),
}));
afterEach(() => (authRequest as unknown as jest.Mock).mockReset());

const user = { id: 'u1', email: 'ana@example.com', name: 'Ana', role: 'ADMIN' };

function choose(password: string, confirm = password) {
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: password } });
  fireEvent.change(screen.getByLabelText('Repeat the password'), { target: { value: confirm } });
  fireEvent.click(screen.getByTestId('new-password-submit'));
}

test('an invitation: the rules up front, a short password named before asking, the server’s refusal beside its field, then MFA enrolment', async () => {
  const calls = serveAuth({
    'GET /auth/session': () => refuse(401, 'Your session has ended: sign in again.'),
    'POST /auth/invitations/accept': (body) => {
      if ((body as { password: string }).password === 'password1234') {
        refuse(400, 'password: is one of the most common passwords', 'password');
      }
      return { status: 'MFA_ENROLMENT_REQUIRED', csrfToken: 'c', user };
    },
  });
  renderRoutes('/invite#s3cret-from-the-link', { '/invite': <InvitePage /> });
  expect(screen.getByTestId('password-rules').textContent).toBe(
    'At least 12 characters, and not one of the most common passwords.',
  );
  fireEvent.change(screen.getByLabelText('Your name'), { target: { value: ' Ana Lima ' } });
  choose('short');
  expect(screen.getByTestId('new-password-error').textContent).toBe('The password needs at least 12 characters.');
  choose('long enough phrase', 'long enough phrasE');
  expect(screen.getByText('The two passwords differ.')).toBeTruthy();
  expect(calls.filter((call) => call.route.startsWith('POST'))).toHaveLength(0);

  choose('password1234');
  expect((await screen.findByTestId('new-password-error')).textContent).toBe('is one of the most common passwords');
  choose('correct horse battery');
  expect((await screen.findByTestId('location')).textContent).toBe('/mfa/enrol');
  expect(calls.filter((call) => call.route === 'POST /auth/invitations/accept').map((call) => call.body)).toEqual([
    { secret: 's3cret-from-the-link', password: 'password1234', name: 'Ana Lima' },
    { secret: 's3cret-from-the-link', password: 'correct horse battery', name: 'Ana Lima' },
  ]);
});

test('a link without its secret says so instead of a form', () => {
  renderRoutes('/invite', { '/invite': <InvitePage /> });
  expect(screen.getByTestId('link-incomplete').textContent).toMatch(/This link is incomplete/);
  expect(screen.queryByLabelText('New password')).toBeNull();
});

test('a reset link: an expired link is said in words; a good one signs in and goes to the inbox', async () => {
  let expired = true;
  serveAuth({
    'GET /auth/session': () => refuse(401, 'Your session has ended: sign in again.'),
    'POST /auth/password-reset': () =>
      expired
        ? refuse(400, 'This link has expired or was already used: ask for a new one.')
        : { status: 'SIGNED_IN', csrfToken: 'c', user },
  });
  renderRoutes('/reset-password#abc', { '/reset-password': <ResetPasswordPage /> });
  expect(screen.queryByLabelText('Your name')).toBeNull();
  choose('correct horse battery');
  expect((await screen.findByTestId('new-password-form-error')).textContent).toBe(
    'This link has expired or was already used: ask for a new one.',
  );
  expired = false;
  choose('correct horse battery');
  expect((await screen.findByTestId('location')).textContent).toBe('/');
});

test('forgot password answers the same whatever the address', async () => {
  const calls = serveAuth({ 'POST /auth/password-reset/request': () => null });
  renderRoutes('/forgot-password', { '/forgot-password': <ForgotPasswordPage /> });
  fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'nobody@example.com' } });
  fireEvent.click(screen.getByTestId('forgot-password-submit'));
  expect((await screen.findByTestId('forgot-password-sent')).textContent).toMatch(
    /^If an active account uses this address, a link/,
  );
  expect(calls[0]).toEqual({ route: 'POST /auth/password-reset/request', body: { email: 'nobody@example.com' } });
});
