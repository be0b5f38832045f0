import { AuthRequestError } from '@/lib/auth-request';
import { authErrorMessage, splitAuthError } from './auth-error';

test('the server’s words are shown; a lockout without minutes gets them from retryAfterSeconds', () => {
  expect(authErrorMessage(new AuthRequestError('Wrong e-mail or password.', 401))).toBe('Wrong e-mail or password.');
  expect(
    authErrorMessage(new AuthRequestError('Too many failed sign-ins: try again in 4 minutes.', 429, null, 230)),
  ).toBe('Too many failed sign-ins: try again in 4 minutes.');
  expect(authErrorMessage(new AuthRequestError('Too many failed sign-ins.', 429, null, 61))).toBe(
    'Too many failed sign-ins. Try again in 2 minutes.',
  );
  expect(authErrorMessage(new AuthRequestError('Too many failed sign-ins.', 429, null, 30))).toBe(
    'Too many failed sign-ins. Try again in 1 minute.',
  );
});

test('a refusal naming a field of the form goes beside it; others stay on the form', () => {
  const weak = new AuthRequestError('password: is one of the most common passwords', 400, 'password');
  expect(splitAuthError(weak, ['name', 'password'])).toEqual({
    field: 'password',
    message: 'is one of the most common passwords',
  });
  const nested = new AuthRequestError('input.name: must be 1 to 120 characters', 400, 'input.name');
  expect(splitAuthError(nested, ['name', 'password'])).toEqual({
    field: 'name',
    message: 'must be 1 to 120 characters',
  });
  const expired = new AuthRequestError('This link has expired: ask an admin for a new one.', 400);
  expect(splitAuthError(expired, ['password'])).toEqual({
    field: null,
    message: 'This link has expired: ask an admin for a new one.',
  });
  expect(splitAuthError(null, ['password'])).toEqual({ field: null, message: null });
});
