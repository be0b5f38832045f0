// Helpers for the order-action scenarios: a valid tracking number, and waiting on what the page shows.
import { checkTrackingNumber } from '@order-hub/rules';
import type { Page } from 'playwright-core';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A fresh UPS 1Z number whose check digit is right: the body is random, the last digit the one the rules accept. */
export function validUpsNumber(): string {
  const pick = (chars: string, n: number) =>
    Array.from({ length: n }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
  const body = `1Z${pick(ALPHANUMERIC, 6)}03${pick('0123456789', 7)}`;
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${body}${digit}`;
    if (checkTrackingNumber(candidate, 'UPS').valid) return candidate;
  }
  throw new Error(`No check digit makes ${body}? a valid UPS number`);
}

/** Polls `read` in the page until `ready` holds; throws with the last value seen. */
export async function pageWhen<T>(
  page: Page,
  read: () => Promise<T>,
  ready: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (ready(last)) return last;
    await page.waitForTimeout(200);
  }
  throw new Error(`The page never showed ${what}; last seen: ${JSON.stringify(last)}`);
}

export interface TimelineEntry {
  operation: string;
  status: string;
  attempts: { outcome: string }[];
}

/** The outbox entries on the order's timeline, as shown. */
export function readTimelineOutbox(page: Page): Promise<TimelineEntry[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="timeline-outbox"]')].map((item) => ({
      operation: item.dataset.operation ?? '',
      status: item.dataset.status ?? '',
      attempts: [...item.querySelectorAll<HTMLElement>('[data-testid="outbox-attempt"]')].map((row) => ({
        outcome: row.dataset.outcome ?? '',
      })),
    })),
  );
}
