import type { BucketLimit } from './token-bucket';

/**
 * Walmart publishes its limits per minute and per seller; the orders numbers come from third-party
 * notes of Walmart's throttling page (see shared/docs/reference/walmart.md §5), so they are defaults
 * that can be overridden, not facts.
 */
export const WALMART_LIMITS = {
  token: perMinute(120),
  'orders.list': perMinute(5000),
  'orders.get': perMinute(5000),
  'orders.acknowledge': perMinute(60),
  'orders.ship': perMinute(60),
  'orders.cancel': perMinute(60),
  'orders.refund': perMinute(60),
  // Walmart publishes no returns limits; these follow the orders list and refund until it does (overridable).
  'returns.list': perMinute(5000),
  'returns.refund': perMinute(60),
  // Walmart publishes no Notifications API limit; subscription management is rare, so the write rate applies.
  webhooks: perMinute(60),
} satisfies Record<string, BucketLimit>;
export type WalmartGroup = keyof typeof WALMART_LIMITS;

/** Amazon's default usage plans: rate (requests per second) and burst, as each model's operation description states them. */
export const AMAZON_USAGE_PLANS = {
  searchOrders: { rate: 0.0056, burst: 20 },
  getOrder: { rate: 0.5, burst: 30 },
  getOrderAddress: { rate: 0.5, burst: 30 },
  confirmShipment: { rate: 2, burst: 10 },
  createRestrictedDataToken: { rate: 1, burst: 10 },
  getFulfillmentPreview: { rate: 2, burst: 30 },
  listAllFulfillmentOrders: { rate: 2, burst: 30 },
  createFulfillmentOrder: { rate: 2, burst: 30 },
  getFulfillmentOrder: { rate: 2, burst: 30 },
  cancelFulfillmentOrder: { rate: 2, burst: 30 },
  getPackageTrackingDetails: { rate: 2, burst: 30 },
  getFeatures: { rate: 2, burst: 30 },
  getFeatureSKU: { rate: 2, burst: 30 },
  createFeedDocument: { rate: 0.5, burst: 15 },
  createFeed: { rate: 0.0083, burst: 15 },
  getFeed: { rate: 2, burst: 15 },
  getFeeds: { rate: 0.0222, burst: 10 },
  cancelFeed: { rate: 2, burst: 15 },
  getFeedDocument: { rate: 0.0222, burst: 10 },
  createReport: { rate: 0.0167, burst: 15 },
  getReport: { rate: 2, burst: 15 },
  getReportDocument: { rate: 0.0167, burst: 15 },
  getSubscriptions: { rate: 1, burst: 5 },
  getSubscription: { rate: 1, burst: 5 },
  createSubscription: { rate: 1, burst: 5 },
  getSubscriptionById: { rate: 1, burst: 5 },
  deleteSubscriptionById: { rate: 1, burst: 5 },
  sendTestNotification: { rate: 1, burst: 5 },
  getDestinations: { rate: 1, burst: 5 },
  createDestination: { rate: 1, burst: 5 },
  getDestination: { rate: 1, burst: 5 },
  deleteDestination: { rate: 1, burst: 5 },
  getRates: { rate: 80, burst: 100 },
  purchaseShipment: { rate: 80, burst: 100 },
  getShipmentDocuments: { rate: 80, burst: 100 },
  cancelShipment: { rate: 80, burst: 100 },
  getTracking: { rate: 80, burst: 100 },
} satisfies Record<string, BucketLimit>;
export type AmazonOperation = keyof typeof AMAZON_USAGE_PLANS;

/**
 * EasyPost rate-limits per API key and answers 429 past it; its support pages name five requests a second on index
 * endpoints, so the sandbox applies that to every /easypost call (a default, overridable).
 */
export const EASYPOST_LIMIT: BucketLimit = { rate: 5, burst: 10 };

export interface ThrottleOverrides {
  easypost?: BucketLimit;
  walmart?: Partial<Record<WalmartGroup, BucketLimit>>;
  amazon?: Partial<Record<AmazonOperation, BucketLimit>>;
  /** Multiplies every rate (not the bursts): other packages' tests pass e.g. 1000 to keep throttling but wait less. */
  rateScale?: number;
}

export class ThrottlePolicy {
  readonly enabled: boolean;
  private readonly overrides: ThrottleOverrides;

  constructor(option: boolean | ThrottleOverrides | undefined) {
    this.enabled = option !== false;
    this.overrides = typeof option === 'object' ? option : {};
  }

  walmart(group: WalmartGroup): BucketLimit {
    return this.scale(this.overrides.walmart?.[group] ?? WALMART_LIMITS[group]);
  }

  amazon(operation: AmazonOperation): BucketLimit {
    return this.scale(this.overrides.amazon?.[operation] ?? AMAZON_USAGE_PLANS[operation]);
  }

  easypost(): BucketLimit {
    return this.scale(this.overrides.easypost ?? EASYPOST_LIMIT);
  }

  /** The rate the channel reports in `x-amzn-RateLimit-Limit`: the plan's, not the test scaling. */
  amazonAdvertisedRate(operation: AmazonOperation): number {
    return (this.overrides.amazon?.[operation] ?? AMAZON_USAGE_PLANS[operation]).rate;
  }

  private scale(limit: BucketLimit): BucketLimit {
    const factor = this.overrides.rateScale ?? 1;
    return { rate: limit.rate * factor, burst: limit.burst };
  }
}

function perMinute(count: number): BucketLimit {
  return { rate: count / 60, burst: count };
}
