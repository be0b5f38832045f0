/** The words the sign-in code answers with (the console and the tests match on some of them). */
export const NO_CREDENTIALS = 'Sign in, or send a valid API token as "Authorization: Bearer <token>".';
export const SESSION_ENDED = 'Your session has ended: sign in again.';
export const CSRF_MISSING = 'The request is missing its CSRF token: reload the page.';
export const SECOND_FACTOR_FIRST = 'Finish signing in with your second factor first.';
export const WRONG_CREDENTIALS = 'Wrong e-mail or password.';
