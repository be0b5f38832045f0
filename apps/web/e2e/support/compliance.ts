// Reads the compliance dashboard as the user sees it.
import type { Page } from 'playwright-core';

export interface MetricCardSnapshot {
  cardId: string;
  metric: string;
  category: string | null;
  status: string;
  statusText: string;
  label: string;
  value: string;
  ratio: string;
  threshold: string;
  window: string;
  policy: string;
  projection: string | null;
  ordersButton: string;
  hasPlanButton: boolean;
  trendPoints: number | null;
}

export interface DashboardSnapshot {
  loading: boolean;
  channel: string | null;
  asOf: string | null;
  cards: MetricCardSnapshot[];
}

export function readDashboard(page: Page): Promise<DashboardSnapshot> {
  return page.evaluate(() => {
    const text = (element: Element | null | undefined) => element?.textContent?.trim() ?? '';
    const root = document.querySelector<HTMLElement>('[data-testid="compliance-page"]');
    return {
      loading: root === null || root.querySelector('[data-testid="loading"]') !== null,
      channel: root?.dataset.channel ?? null,
      asOf: document.querySelector<HTMLElement>('[data-testid="compliance-as-of"]')?.dataset.asOf ?? null,
      cards: [...document.querySelectorAll<HTMLElement>('[data-testid="metric-card"]')].map((card) => {
        const trend = card.querySelector<HTMLElement>('[data-testid="trend-chart"]');
        return {
          cardId: card.dataset.cardId ?? '',
          metric: card.dataset.metric ?? '',
          category: card.querySelector('[data-testid="metric-category"]')
            ? text(card.querySelector('[data-testid="metric-category"]'))
            : null,
          status: card.dataset.status ?? '',
          statusText: text(card.querySelector('[data-testid="metric-status"]')),
          label: text(card.querySelector('[data-testid="metric-label"]')),
          value: text(card.querySelector('[data-testid="metric-value"]')),
          ratio: text(card.querySelector('[data-testid="metric-ratio"]')),
          threshold: text(card.querySelector('[data-testid="metric-threshold"]')),
          window: text(card.querySelector('[data-testid="metric-window"]')),
          policy: text(card.querySelector('[data-testid="metric-policy"]')),
          projection: card.querySelector('[data-testid="metric-projection"]')
            ? text(card.querySelector('[data-testid="metric-projection"]'))
            : null,
          ordersButton: text(card.querySelector('[data-testid="metric-orders-toggle"]')),
          hasPlanButton: card.querySelector('[data-testid="metric-plan-toggle"]') !== null,
          trendPoints: trend ? Number(trend.dataset.points) : null,
        };
      }),
    };
  });
}

/** The card's locator, by `KEY` or `KEY:category`. */
export function metricCard(page: Page, cardId: string) {
  return page.locator(`[data-testid="metric-card"][data-card-id="${cardId}"]`);
}
