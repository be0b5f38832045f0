import { pathAfterSignIn, safeNext, signInPath } from './next-path';

test('next stays on this origin: other sites and the sign-in pages themselves become the inbox', () => {
  expect(safeNext('/orders/o-1?tab=lines')).toBe('/orders/o-1?tab=lines');
  expect(safeNext(null)).toBe('/');
  expect(safeNext('')).toBe('/');
  expect(safeNext('https://evil.example/')).toBe('/');
  expect(safeNext('//evil.example/x')).toBe('/');
  expect(safeNext('/\\evil.example')).toBe('/');
  expect(safeNext('javascript:alert(1)')).toBe('/');
  expect(safeNext('/sign-in?next=/x')).toBe('/');
  expect(safeNext('/login')).toBe('/');
  expect(safeNext('/sign-inbox')).toBe('/sign-inbox');
});

test('the sign-in link keeps the page the person was on', () => {
  expect(signInPath('/orders/o-1?tab=lines')).toBe('/sign-in?next=%2Forders%2Fo-1%3Ftab%3Dlines');
  expect(signInPath('/')).toBe('/sign-in');
});

test('after the password: the second factor or its enrolment first, carrying next; signed in goes to next', () => {
  expect(pathAfterSignIn('SIGNED_IN', '/alerts')).toBe('/alerts');
  expect(pathAfterSignIn('SIGNED_IN', '//evil.example')).toBe('/');
  expect(pathAfterSignIn('MFA_REQUIRED', '/alerts')).toBe('/sign-in/mfa?next=%2Falerts');
  expect(pathAfterSignIn('MFA_REQUIRED', null)).toBe('/sign-in/mfa');
  expect(pathAfterSignIn('MFA_ENROLMENT_REQUIRED', '/orders/1')).toBe('/mfa/enrol?next=%2Forders%2F1');
});
