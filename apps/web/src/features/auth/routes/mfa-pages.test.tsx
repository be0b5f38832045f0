import { fireEvent, screen } from '@testing-library/react';
import { request } from '@/lib/api';
import { authRequest } from '@/lib/auth-request';
import { GraphQLRequestError } from '@/lib/graphql-client';
import { serve } from '@/test/serve';
import { refuse, serveAuth } from '@/test/serve-auth';
import { renderRoutes } from '@/test/render-routes';
import { MfaChallengePage } from './mfa-challenge-page';
import { MfaEnrolPage } from './mfa-enrol-page';

jest.mock('@/lib/api', () => ({ request: jest.fn() }));
jest.mock('@/lib/auth-request', () => ({
  ...jest.requireActual<typeof import('@/lib/auth-request')>('@/lib/auth-request'),
  authRequest: jest.fn(),
}));
afterEach(() => {
  (authRequest as unknown as jest.Mock).mockReset();
  (request as unknown as jest.Mock).mockReset();
});

const user = { id: 'u1', email: 'ana@example.com', name: 'Ana', role: 'ADMIN' };
const session = (status: string) => ({ status, csrfToken: 'c', user, expiresAt: '', idleExpiresAt: '' });

test('the second factor: six digits from the app, filled in by the phone, then the page the person wanted', async () => {
  let status = 'MFA_REQUIRED';
  const calls = serveAuth({
    'GET /auth/session': () => session(status),
    'POST /auth/mfa': (body) => {
      if ((body as { code: string }).code !== '123456') refuse(401, 'Wrong code.');
      status = 'SIGNED_IN';
      return session(status);
    },
  });
  renderRoutes('/sign-in/mfa?next=%2Falerts', { '/sign-in/mfa': <MfaChallengePage /> });
  const code = await screen.findByTestId<HTMLInputElement>('mfa-code');
  expect(code.getAttribute('autocomplete')).toBe('one-time-code');
  expect(code.getAttribute('inputmode')).toBe('numeric');
  fireEvent.change(code, { target: { value: '65 43 21' } });
  expect(code.value).toBe('654321');
  fireEvent.click(screen.getByTestId('mfa-submit'));
  expect((await screen.findByRole('alert')).textContent).toBe('Wrong code.');
  fireEvent.change(code, { target: { value: '123456' } });
  fireEvent.click(screen.getByTestId('mfa-submit'));
  expect((await screen.findByTestId('location')).textContent).toBe('/alerts');
  expect(calls.filter((call) => call.route === 'POST /auth/mfa').map((call) => call.body)).toEqual([
    { code: '654321' },
    { code: '123456' },
  ]);
});

test('"Use a recovery code" takes a recovery code instead', async () => {
  const calls = serveAuth({
    'GET /auth/session': () => session('MFA_REQUIRED'),
    'POST /auth/mfa': () => session('SIGNED_IN'),
  });
  renderRoutes('/sign-in/mfa', { '/sign-in/mfa': <MfaChallengePage /> });
  fireEvent.click(await screen.findByTestId('mfa-use-recovery'));
  fireEvent.change(screen.getByLabelText('Recovery code'), { target: { value: ' abcd-efgh ' } });
  fireEvent.click(screen.getByTestId('mfa-submit'));
  expect((await screen.findByTestId('location')).textContent).toBe('/');
  expect(calls.find((call) => call.route === 'POST /auth/mfa')?.body).toEqual({ code: 'abcd-efgh' });
});

test('enrolment shows the QR code and the secret, checks the first code, then shows the recovery codes once', async () => {
  let status = 'MFA_ENROLMENT_REQUIRED';
  serveAuth({ 'GET /auth/session': () => session(status) });
  const calls = serve({
    StartTotpEnrolment: () => ({
      startTotpEnrolment: {
        secret: 'JBSWY3DPEHPK3PXP',
        otpauthUrl: 'otpauth://totp/order-hub:ana%40example.com?secret=JBSWY3DPEHPK3PXP',
        qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
      },
    }),
    ConfirmTotpEnrolment: ({ code }) => {
      if (code !== '123456') {
        throw new GraphQLRequestError('Wrong code: enter the current one from the app.', 'BAD_USER_INPUT');
      }
      status = 'SIGNED_IN';
      return { confirmTotpEnrolment: { codes: ['aaaa-bbbb', 'cccc-dddd'] } };
    },
  });
  renderRoutes('/mfa/enrol?next=%2Forders%2Fo-1', { '/mfa/enrol': <MfaEnrolPage /> });
  expect((await screen.findByTestId<HTMLInputElement>('enrol-secret')).value).toBe('JBSWY3DPEHPK3PXP');
  const qr = screen.getByTestId<HTMLImageElement>('enrol-qr');
  expect(qr.getAttribute('src')).toBe(
    `data:image/svg+xml;charset=utf-8,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')}`,
  );
  expect(qr.alt).toMatch(/QR code/);
  fireEvent.change(screen.getByTestId('mfa-code'), { target: { value: '000000' } });
  fireEvent.click(screen.getByTestId('enrol-confirm'));
  expect((await screen.findByRole('alert')).textContent).toBe('Wrong code: enter the current one from the app.');
  fireEvent.change(screen.getByTestId('mfa-code'), { target: { value: '123456' } });
  fireEvent.click(screen.getByTestId('enrol-confirm'));
  const codes = await screen.findAllByTestId('recovery-code');
  expect(codes.map((code) => code.textContent)).toEqual(['aaaa-bbbb', 'cccc-dddd']);
  expect(screen.getByTestId('recovery-codes-download')).toBeTruthy();
  fireEvent.click(screen.getByTestId('recovery-codes-saved'));
  expect((await screen.findByTestId('location')).textContent).toBe('/orders/o-1');
  expect(calls.filter((call) => call.operation === 'StartTotpEnrolment')).toHaveLength(1);
});
