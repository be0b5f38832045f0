/**
 * Amazon's request budget for a seller kept current by ORDER_CHANGE notifications and reconciliation polls: getOrder
 * once per new notification (duplicates are stored once per NotificationId and not fetched again), searchOrders pages
 * at the reconciliation cadence. Rates and bursts are read from the committed Orders 2026-01-01 model (the usage plan
 * in each operation's description; shared/docs/reference/amazon-detail.md §1.7), the cadence from the rules.
 */
import { tmpdir } from 'node:os';
import { loadModel } from '@order-hub/contracts';
import { channelProfile, pollCadence } from '@order-hub/rules';
import { loadConfig } from '../src/config/app-config';

const DAY_S = 86_400;
/** searchOrders' largest page (the model's maxResultsPerPage, which the adapter asks for). */
const PAGE = 100;

export interface UsagePlan {
  rate: number;
  burst: number;
}

function plan(path: string): UsagePlan {
  const paths = loadModel('amazon', 'orders_2026-01-01').paths as Record<string, { get: Record<string, unknown> }>;
  const limit = paths[path].get['x-order-hub-rate-limit'] as UsagePlan | undefined;
  if (!limit) throw new Error(`the Orders 2026-01-01 model states no usage plan for GET ${path}`);
  return limit;
}

export interface BudgetRow {
  scenario: string;
  /** Requests per second the scenario needs, and the share of the plan's rate. */
  getOrderPerS: number;
  getOrderShare: number;
  searchOrdersPerS: number;
  searchOrdersShare: number;
}

export interface AmazonBudget {
  ordersPerDay: number;
  busiestHourOrders: number;
  getOrder: UsagePlan;
  searchOrders: UsagePlan;
  reconcileSeconds: number;
  normalSeconds: number;
  overlapSeconds: number;
  getOrderPerPush: number;
  rows: BudgetRow[];
}

/**
 * The budget at `ordersPerDay`, on an average day and in the busiest hour, with one ORDER_CHANGE per order (the
 * new order, what the sandbox sends) and with three (placed, Unshipped, Shipped: one per status change of a
 * seller-fulfilled order; Amazon publishes no count, so this is an assumption). In the busiest hour the new orders
 * come at its pace and the other changes (of earlier orders) at the day's average. `getOrderPerPush` is measured.
 */
export function amazonBudget(ordersPerDay: number, busiestHourOrders: number, getOrderPerPush: number): AmazonBudget {
  const getOrder = plan('/orders/2026-01-01/orders/{orderId}');
  const searchOrders = plan('/orders/2026-01-01/orders');
  const normalSeconds = channelProfile('AMAZON').syncIntervalSeconds;
  const now = new Date();
  const reconcileSeconds = pollCadence({
    normalIntervalSeconds: normalSeconds,
    pushActive: true,
    lastPushAt: now,
    lastMissedAt: null,
    now,
  }).intervalSeconds;
  const overlapSeconds = loadConfig({ DATA_DIR: tmpdir() }).sync.overlapMs / 1000;
  const rows: BudgetRow[] = [];
  const average = ordersPerDay / DAY_S;
  for (const changes of [1, 3])
    for (const [when, updatesPerS] of [
      ['average day', average * changes],
      // The busiest hour's new orders, and the later changes of earlier orders at the day's average pace.
      ['busiest hour', busiestHourOrders / 3600 + average * (changes - 1)],
    ] as const) {
      // Each reconciliation poll reads the orders updated since the last one, plus the overlap, in pages of 100.
      const pagesPerPoll = Math.max(1, Math.ceil((updatesPerS * (reconcileSeconds + overlapSeconds)) / PAGE));
      const getOrderPerS = updatesPerS * getOrderPerPush;
      const searchOrdersPerS = pagesPerPoll / reconcileSeconds;
      rows.push({
        scenario: `${when}, ${changes} ORDER_CHANGE per order`,
        getOrderPerS,
        getOrderShare: getOrderPerS / getOrder.rate,
        searchOrdersPerS,
        searchOrdersShare: searchOrdersPerS / searchOrders.rate,
      });
    }
  return {
    ordersPerDay,
    busiestHourOrders,
    getOrder,
    searchOrders,
    reconcileSeconds,
    normalSeconds,
    overlapSeconds,
    getOrderPerPush,
    rows,
  };
}

/** Polling only, at the normal cadence: the searchOrders share a day of `ordersPerDay` needs (for comparison). */
export function pollingOnlyShare(b: AmazonBudget, changes: number): number {
  const updatesPerS = (b.ordersPerDay / DAY_S) * changes;
  const pages = Math.max(1, Math.ceil((updatesPerS * (b.normalSeconds + b.overlapSeconds)) / PAGE));
  return pages / b.normalSeconds / b.searchOrders.rate;
}
