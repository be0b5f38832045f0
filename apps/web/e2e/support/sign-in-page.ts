// Signing in and out through the console's own pages, as a person does.
import type { Page } from 'playwright-core';
import type { Person } from './people';

export const onSignIn = (url: URL) => url.pathname === '/sign-in';

/** Fills e-mail and password on /sign-in (the page must be open) and submits. */
export async function submitPassword(page: Page, email: string, password: string): Promise<void> {
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}

/** Password, then the authenticator's code on /sign-in/mfa when the person has one. */
export async function signInThroughPages(page: Page, person: Person): Promise<void> {
  await submitPassword(page, person.email, person.password);
  if (!person.authenticator) return;
  await page.waitForURL((url) => url.pathname === '/sign-in/mfa');
  await page.getByTestId('mfa-code').fill(await person.authenticator.code());
  await page.getByTestId('mfa-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Sign out from the "Signed in as" menu; the console lands on /sign-in. */
export async function signOutThroughMenu(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL(onSignIn);
}
