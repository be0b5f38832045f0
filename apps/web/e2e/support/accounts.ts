// Reads the Channel accounts page as the user sees it, and waits for it to reach an expected state.
import type { Page } from 'playwright-core';

export interface AccountSnapshot {
  id: string;
  name: string;
  channel: string;
  credentials: string;
  disabled: boolean;
  phase: string;
  running: boolean;
  lastSuccessAt: string;
  imported: number;
  error: string | null;
}

export function readAccounts(page: Page): Promise<{ loading: boolean; accounts: AccountSnapshot[] }> {
  return page.evaluate(() => {
    const text = (element: Element | null | undefined) => element?.textContent?.trim() ?? '';
    const errors = new Map<string, string>();
    document.querySelectorAll<HTMLElement>('[data-testid="account-error-row"]').forEach((row) => {
      errors.set(row.dataset.accountId!, text(row.querySelector('[data-testid="sync-error-message"]')));
    });
    return {
      loading: document.querySelector('[data-testid="accounts-page"] [data-testid="loading"]') !== null,
      accounts: [...document.querySelectorAll<HTMLElement>('[data-testid="account-row"]')].map((row) => {
        const sync = row.querySelector<HTMLElement>('[data-testid="sync-state"]')!;
        return {
          id: row.dataset.accountId!,
          name: text(row.querySelector('[data-testid="account-name"]')),
          channel: text(row.querySelector('[data-testid="account-channel"]')),
          credentials: text(row.querySelector('[data-testid="account-credentials"]')),
          disabled: row.querySelector('[data-testid="account-disabled"]') !== null,
          phase: text(sync.querySelector('[data-testid="sync-phase"]')),
          running: sync.dataset.running === 'true',
          lastSuccessAt: sync.dataset.lastSuccessAt ?? '',
          imported: Number(text(sync.querySelector('[data-testid="sync-imported"]'))),
          error: errors.get(row.dataset.accountId!) ?? null,
        };
      }),
    };
  });
}

/** Polls the page (which refetches on its own) until `ready` holds for the accounts shown. */
export async function accountsWhen(
  page: Page,
  ready: (accounts: AccountSnapshot[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<AccountSnapshot[]> {
  const deadline = Date.now() + timeoutMs;
  let last: AccountSnapshot[] = [];
  while (Date.now() < deadline) {
    const snapshot = await readAccounts(page);
    last = snapshot.accounts;
    if (!snapshot.loading && ready(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`The accounts page never showed ${what}; last seen: ${JSON.stringify(last)}`);
}
