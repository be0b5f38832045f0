// Reads the inbox as the user sees it, and waits for it to settle in an expected state.
import type { Page } from 'playwright-core';

export const VIEWS = ['NEW', 'DUE_TODAY', 'PAST_DUE', 'AT_RISK', 'ALL'] as const;
export type View = (typeof VIEWS)[number];

export interface InboxSnapshot {
  search: string;
  busy: boolean;
  range: string;
  counts: Record<string, number>;
  rows: { number: string; channel: string; status: string; late: boolean; matches: string }[];
}

export function readInbox(page: Page): Promise<InboxSnapshot> {
  return page.evaluate(() => {
    const text = (element: Element | null | undefined) => element?.textContent?.trim() ?? '';
    const counts: Record<string, number> = {};
    document.querySelectorAll<HTMLElement>('[data-testid^="tab-count-"]').forEach((element) => {
      // "about 1000" for an estimate; "…" (NaN) while loading.
      const digits = /\d+/.exec(element.textContent ?? '');
      counts[element.dataset.testid!.slice('tab-count-'.length)] = digits ? Number(digits[0]) : NaN;
    });
    return {
      search: location.search,
      busy:
        document.querySelector('[aria-busy="true"], [data-testid="loading"]') !== null ||
        document.querySelector('[data-testid="page-range"]') === null,
      range: text(document.querySelector('[data-testid="page-range"]')),
      counts,
      rows: [...document.querySelectorAll('[data-testid="order-row"]')].map((row) => ({
        number: text(row.querySelector('[data-testid="order-number"]')),
        channel: row.querySelector<HTMLElement>('[data-testid="order-channel"]')?.dataset.channel ?? '',
        // The badge shows the status in words; its code is in data-status.
        status: row.querySelector<HTMLElement>('[data-testid="order-status"] [data-status]')?.dataset.status ?? '',
        late: row.querySelector('.deadline.late') !== null,
        // The search match line follows its row (grid) or sits inside it (cards).
        matches: text(
          row.querySelector('[data-testid="order-matches"]') ??
            (row.nextElementSibling?.matches('[data-testid="order-matches"]') ? row.nextElementSibling : null),
        ),
      })),
    };
  });
}

/**
 * Polls until the inbox has settled (nothing loading, every count shown) in a state that satisfies `ready`.
 * Old rows stay on screen while new ones load, so `ready` must describe the state being waited for.
 */
export async function inboxWhen(
  page: Page,
  ready: (inbox: InboxSnapshot) => boolean,
  what: string,
): Promise<InboxSnapshot> {
  const deadline = Date.now() + 15_000;
  let last: InboxSnapshot | undefined;
  while (Date.now() < deadline) {
    last = await readInbox(page);
    const countsShown = VIEWS.every((view) => Number.isInteger(last!.counts[view]));
    if (!last.busy && countsShown && ready(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`The inbox never showed ${what}; last seen: ${JSON.stringify({ ...last, rows: last?.rows.length })}`);
}

/** Whether the first page of `view` is shown: "1–50 of <count of that view>" and as many rows. */
export function showsView(inbox: InboxSnapshot, view: View): boolean {
  const count = inbox.counts[view];
  const expected = count === 0 ? '0 of 0' : `1–${Math.min(50, count)} of ${count}`;
  return inbox.range === expected && inbox.rows.length === Math.min(50, count);
}
