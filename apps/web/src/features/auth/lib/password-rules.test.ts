import { passwordProblems } from './password-rules';

test('a short password and a different confirmation are named before the server is asked', () => {
  expect(passwordProblems('short', 'short')).toEqual({ password: 'The password needs at least 12 characters.' });
  expect(passwordProblems('long enough phrase', 'long enough phrasE')).toEqual({
    confirm: 'The two passwords differ.',
  });
  expect(passwordProblems('long enough phrase', 'long enough phrase')).toEqual({});
});
