import {
  cancellationInitiatorOfLines,
  channelProfile,
  computeComplianceMetrics,
  isSellerFaultRefundReason,
} from '@order-hub/rules';
import type {
  AddressMatch,
  CancellationInitiator,
  CarrierCode,
  Channel,
  ComplianceOrderRecord,
  FulfillmentMethod,
  NormalizedOrder,
  PackageType,
  TrackerState,
} from '@order-hub/types';
import { TrackingProviderSettingsService } from '../src/modules/carrier-tracking/provider/tracking-provider-settings.service';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { SkuCategoriesService } from '../src/modules/catalog/sku-categories.service';
import { ComplianceService, type ReportedMetric } from '../src/modules/compliance/compliance.service';
import { recordCarrierScans, shipmentIdsOf } from './support/carrier-scan-fixtures';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const AS_OF = new Date('2026-11-20T00:00:00Z');

/** How a shipment is stored: the channel's carrier name, and the hub carrier that name stands for. */
const CARRIERS: Record<'UPS' | 'USPS' | 'FEDEX' | 'PIGEON', { name: string; code: CarrierCode }> = {
  UPS: { name: 'UPS', code: 'UPS' },
  USPS: { name: 'USPS', code: 'USPS' },
  FEDEX: { name: 'FedEx', code: 'FEDEX' },
  // A carrier the hub does not know by name: Amazon takes it as Other, Walmart does not support it.
  PIGEON: { name: 'Pigeon Express', code: 'OTHER' },
};

interface ShipmentSpec {
  carrier: keyof typeof CARRIERS;
  tracking: string | null;
  at: Date;
  type?: PackageType;
  dims?: [number, number, number];
  weightOz?: number;
  /** When the channel reported the package delivered (a DELIVERED carrier event); absent: no event. */
  deliveredAt?: Date;
  /** What the tracking provider reported: its tracker's state, the first scan, the first delivery attempt, the address verdict. */
  scans?: { tracker?: TrackerState; firstScanAt?: Date; attemptAt?: Date; addressMatch?: AddressMatch };
}

/**
 * One order with a known meaning. A SELLER or BUYER cancellation is written as the hub writes it (an outbox CANCEL
 * row with a seller's or the buyer's reason); CHANNEL_SELLER and AUTO_CANCEL came from the channel, dated by its
 * last change (after the auto-cancel instant for AUTO_CANCEL). A refund is a hub REFUND row (seller-caused reason
 * or not) or an imported refunded quantity.
 */
interface OrderSpec {
  fulfillment?: FulfillmentMethod;
  orderedAt: Date;
  shipBy: Date | null;
  deliverBy?: Date | null;
  /** One line per SKU (default: one line of SKU-TEST). */
  skus?: string[];
  acknowledgedAt?: Date | null;
  /** Walmart orderType and shipNode.type. */
  orderType?: 'REGULAR' | 'REPLACEMENT';
  shipNodeType?: string;
  totalCents?: number;
  /** Items and shipping before tax, where the channel breaks the total down. */
  merchandiseCents?: number;
  shipments?: ShipmentSpec[];
  /** CHANNEL_*: cancelled outside the hub, the line carrying a seller's or a customer's reason, or cancelled by the channel itself (Amazon cancelledBy AMAZON). */
  cancel?: { at: Date; as: 'SELLER' | 'BUYER' | 'CHANNEL_SELLER' | 'CHANNEL_BUYER' | 'CHANNEL_ITSELF' | 'AUTO_CANCEL' };
  /** IMPORTED: a refunded quantity from the channel with no reason; IMPORTED_SELLER / IMPORTED_CUSTOMER: with such a reason on the line. */
  refund?: { at: Date; as: 'SELLER_FAULT' | 'OTHER_REASON' | 'IMPORTED' | 'IMPORTED_SELLER' | 'IMPORTED_CUSTOMER' };
}

/** The line reasons a channel reports with an imported cancellation or refund. */
const LINE_CANCEL_REASON: Partial<Record<NonNullable<OrderSpec['cancel']>['as'], string>> = {
  CHANNEL_SELLER: 'SELLER_CANCEL_OUT_OF_STOCK',
  CHANNEL_BUYER: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
};
const LINE_REFUND_REASON: Partial<Record<NonNullable<OrderSpec['refund']>['as'], string>> = {
  IMPORTED_SELLER: 'DamagedItem',
  IMPORTED_CUSTOMER: 'CustomerChangedMind',
};
const imported = (spec: OrderSpec) => !!spec.refund && spec.refund.as.startsWith('IMPORTED');

const CANCEL_REASON: Record<Channel, { seller: string; buyer: string }> = {
  WALMART: { seller: 'SELLER_CANCEL_OUT_OF_STOCK', buyer: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL' },
  AMAZON: { seller: 'NoInventory', buyer: 'BuyerCanceled' },
};

function normalized(spec: OrderSpec): NormalizedOrder {
  const cancelled = !!spec.cancel;
  const shipped = (spec.shipments ?? []).length > 0;
  const channelChange =
    spec.cancel && ['AUTO_CANCEL', 'CHANNEL_SELLER', 'CHANNEL_BUYER', 'CHANNEL_ITSELF'].includes(spec.cancel.as)
      ? spec.cancel.at
      : imported(spec)
        ? spec.refund!.at
        : spec.orderedAt;
  const base = anOrder();
  return {
    ...base,
    orderedAt: spec.orderedAt,
    shipBy: spec.shipBy,
    deliverBy: spec.deliverBy ?? null,
    acknowledgedAt: spec.acknowledgedAt ?? null,
    fulfillmentMethod: spec.fulfillment ?? 'MERCHANT',
    orderType: spec.orderType ?? null,
    shipNodeType: spec.shipNodeType ?? null,
    totalCents: spec.totalCents ?? 2500,
    merchandiseCents: spec.merchandiseCents ?? null,
    status: cancelled && !shipped ? 'CANCELLED' : shipped ? 'SHIPPED' : 'ACKNOWLEDGED',
    channelUpdatedAt: channelChange,
    lines: (spec.skus ?? [base.lines[0].sku]).map((sku, i) => ({
      ...base.lines[0],
      lineNumber: String(i + 1),
      sku,
      quantityShipped: shipped ? 1 : 0,
      quantityCancelled: cancelled && !shipped ? 1 : 0,
      quantityRefunded: spec.refund && i === 0 ? 1 : 0,
      status: cancelled && !shipped ? 'CANCELLED' : shipped ? 'SHIPPED' : 'ACKNOWLEDGED',
      cancellationReason: cancelled && !shipped && spec.cancel ? (LINE_CANCEL_REASON[spec.cancel.as] ?? null) : null,
      cancelledBy: cancelled && !shipped && spec.cancel?.as === 'CHANNEL_ITSELF' ? 'CHANNEL' : null,
      refundReason: spec.refund && i === 0 ? (LINE_REFUND_REASON[spec.refund.as] ?? null) : null,
    })),
    shipments: (spec.shipments ?? []).map((s) => ({
      carrier: CARRIERS[s.carrier].name,
      service: null,
      trackingNumber: s.tracking,
      trackingUrl: null,
      shippedAt: s.at,
      packageType: s.type ?? 'PARCEL',
      weightOz: s.weightOz ?? null,
      lengthIn: s.dims?.[0] ?? null,
      widthIn: s.dims?.[1] ?? null,
      heightIn: s.dims?.[2] ?? null,
      lines: [{ lineNumber: '1', quantity: 1 }],
      // Captured on import as the channel reports it (Amazon package status, Walmart line status Delivered).
      events: s.deliveredAt ? [{ type: 'DELIVERED' as const, at: s.deliveredAt }] : [],
    })),
  };
}

/**
 * The oracle's record: hub cancellations by their stated initiator, channel ones attributed by the rules from the
 * line reasons. A shipment's carrier scans are known (the hub follows it) for an MCF order, on a channel that reports
 * package scans, or through an active provider's tracker (TRACKING or DONE) when `providerOn`.
 */
function record(
  id: string,
  order: NormalizedOrder,
  spec: OrderSpec,
  categories: Record<string, string>,
  channel: Channel,
  providerOn: boolean,
): ComplianceOrderRecord {
  const initiator: Record<NonNullable<OrderSpec['cancel']>['as'], CancellationInitiator> = {
    SELLER: 'SELLER',
    BUYER: 'BUYER',
    CHANNEL_SELLER: 'SELLER',
    CHANNEL_BUYER: 'SELLER',
    CHANNEL_ITSELF: 'SELLER',
    AUTO_CANCEL: 'AUTO_CANCEL',
  };
  const fromChannel = spec.cancel && spec.cancel.as !== 'SELLER' && spec.cancel.as !== 'BUYER';
  const cancelledLines = order.lines.filter((l) => l.quantityCancelled > 0);
  const sellerFaultRefund =
    !!spec.refund &&
    (imported(spec)
      ? order.lines.every((l) => l.quantityRefunded === 0 || isSellerFaultRefundReason(l.refundReason))
      : spec.refund.as === 'SELLER_FAULT');
  return {
    id,
    channelOrderId: order.channelOrderId,
    customerOrderId: order.customerOrderId,
    fulfillmentMethod: order.fulfillmentMethod,
    orderedAt: order.orderedAt,
    shipBy: order.shipBy,
    deliverBy: order.deliverBy,
    acknowledgeBy: null,
    acknowledgedAt: order.acknowledgedAt,
    acknowledged: ['ACKNOWLEDGED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED'].includes(order.status),
    orderType: order.orderType,
    shipNodeType: order.shipNodeType,
    totalCents: order.merchandiseCents ?? order.totalCents,
    cancellation: spec.cancel
      ? {
          at: spec.cancel.at,
          initiator: (fromChannel && cancellationInitiatorOfLines(cancelledLines)) || initiator[spec.cancel.as],
        }
      : null,
    sellerFaultRefundAt: sellerFaultRefund ? spec.refund!.at : null,
    shipments: (spec.shipments ?? []).map((s, i) => ({
      id: `${id}:${i}`,
      carrier: CARRIERS[s.carrier].code,
      trackingNumber: s.tracking,
      shippedAt: s.at,
      package: {
        type: s.type ?? 'PARCEL',
        lengthIn: s.dims?.[0] ?? null,
        widthIn: s.dims?.[1] ?? null,
        heightIn: s.dims?.[2] ?? null,
        weightOz: s.weightOz ?? null,
      },
      deliveredAt: s.deliveredAt ?? null,
      carrierName: CARRIERS[s.carrier].name,
      firstDeliveryAttemptAt: s.scans?.attemptAt ?? null,
      carrierScan: {
        known:
          order.fulfillmentMethod === 'MCF' ||
          channelProfile(channel).reportsCarrierScans ||
          (providerOn && (s.scans?.tracker === 'TRACKING' || s.scans?.tracker === 'DONE')),
        firstScanAt: s.scans?.firstScanAt ?? null,
        untrackable: s.scans?.tracker === 'UNTRACKABLE',
      },
      addressMatch: s.scans?.tracker ? (s.scans.addressMatch ?? null) : undefined,
    })),
    lines: order.lines.map((l) => ({ sku: l.sku, category: categories[l.sku] ?? null })),
  };
}

/** The SKU categories the generated accounts map (ZZZ-9 stays unmapped: Uncategorized). */
const CATEGORIES: Record<string, string> = { 'KTC-1': 'Kitchen', 'ELC-2': 'Electronics', 'KID-3': 'Baby & Kids' };
const GENERATED_SKUS = ['KTC-1', 'KTC-1', 'ELC-2', 'KID-3', 'ZZZ-9'];

/** A small deterministic generator (LCG), so a failure replays. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Orders around `asOf`: every window edge, carrier, exemption, cancellation and refund kind, in seeded proportions. */
function generatedSpecs(channel: Channel, asOf: Date, count: number, seed: number): OrderSpec[] {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const specs: OrderSpec[] = [];
  for (let i = 0; i < count; i++) {
    const orderedAt = new Date(asOf.getTime() - Math.floor(rnd() * 40 * DAY) + Math.floor(rnd() * 2 * DAY));
    const shipBy = new Date(orderedAt.getTime() + Math.floor((1 + rnd() * 2) * DAY));
    const spec: OrderSpec = {
      orderedAt,
      shipBy,
      deliverBy: new Date(shipBy.getTime() + Math.floor((2 + rnd() * 3) * DAY)),
      skus: rnd() < 0.2 ? [pick(GENERATED_SKUS), pick(GENERATED_SKUS)] : [pick(GENERATED_SKUS)],
      fulfillment: rnd() < 0.08 ? 'CHANNEL' : rnd() < 0.1 ? 'MCF' : 'MERCHANT',
      totalCents: pick([450, 999, 1000, 2500, 12000]),
      acknowledgedAt:
        channel === 'WALMART' && rnd() < 0.9 ? new Date(orderedAt.getTime() + Math.floor(rnd() * 6 * HOUR)) : null,
    };
    // Half the orders break their total down: tax on top of the goods and shipping the exemption compares.
    if (rnd() < 0.5) spec.merchandiseCents = spec.totalCents! - pick([0, 60, 150]);
    const r = rnd();
    if (r < 0.1) {
      spec.cancel = {
        at: new Date(orderedAt.getTime() + Math.floor(rnd() * 2 * DAY)),
        as: pick(['SELLER', 'BUYER', 'CHANNEL_SELLER', 'CHANNEL_BUYER', 'CHANNEL_ITSELF'] as const),
      };
    } else if (r < 0.14) {
      spec.cancel = {
        at: new Date(shipBy.getTime() + (channel === 'WALMART' ? 4 : 10) * DAY + HOUR),
        as: 'AUTO_CANCEL',
      };
    } else if (r < 0.9) {
      const carrier = rnd() < 0.05 ? 'PIGEON' : pick(['UPS', 'UPS', 'USPS', 'FEDEX'] as const);
      const letter = carrier === 'USPS' && rnd() < 0.4;
      const tracking = pick([
        () => validTrackingNumber(carrier === 'USPS' ? 'USPS' : 'UPS'),
        () => validTrackingNumber(carrier === 'USPS' ? 'USPS' : 'UPS'),
        () => validTrackingNumber(carrier === 'USPS' ? 'USPS' : 'UPS'),
        () => '1Z999AA10123456785',
        () => null,
        () => 'PENDING',
      ])();
      const at = new Date(shipBy.getTime() + Math.floor((rnd() - 0.8) * 2 * DAY));
      // Most parcels have a delivery event, some after the delivery promise, some known only after asOf.
      const deliveredAt = rnd() < 0.75 ? new Date(at.getTime() + Math.floor((1 + rnd() * 5) * DAY)) : undefined;
      // The provider's side: no tracker, one not yet matched, following, finished, or refused; scans inside and past
      // the late-origin-scan deadline and after asOf, attempts before the delivery, every address verdict.
      const tracker = pick([
        undefined,
        undefined,
        'PENDING',
        'TRACKING',
        'TRACKING',
        'DONE',
        'DONE',
        'UNTRACKABLE',
      ] as const);
      const scans = {
        tracker,
        firstScanAt: rnd() < 0.6 ? new Date(at.getTime() + Math.floor(rnd() * 4 * DAY)) : undefined,
        attemptAt:
          deliveredAt && rnd() < 0.4 ? new Date(deliveredAt.getTime() - Math.floor(rnd() * 2 * DAY)) : undefined,
        addressMatch:
          tracker && deliveredAt ? pick(['MATCH', 'MATCH', 'MISMATCH', 'UNKNOWN', undefined] as const) : undefined,
      };
      spec.shipments = [
        {
          carrier,
          tracking,
          at,
          type: letter ? pick(['LETTER', 'FLAT'] as const) : 'PARCEL',
          dims:
            letter && rnd() < 0.5
              ? (pick([
                  [11, 5, 0.2],
                  [16, 12, 0.5],
                ] as const).slice() as [number, number, number])
              : undefined,
          weightOz: letter ? pick([3, 15]) : undefined,
          deliveredAt,
          scans,
        },
      ];
      if (rnd() < 0.12)
        spec.refund = {
          at: new Date(at.getTime() + Math.floor(rnd() * 5 * DAY)),
          as: pick(['SELLER_FAULT', 'OTHER_REASON', 'IMPORTED', 'IMPORTED_SELLER', 'IMPORTED_CUSTOMER'] as const),
        };
    }
    specs.push(spec);
  }
  return specs;
}

/**
 * A metric as both sides can state it: rates to 9 decimals, the projection without its (oracle-only) order ids, the
 * carrier data without its note (the report words the instant for people).
 */
const round = ({ projection: p, carrierData, ...m }: ReportedMetric) => ({
  ...m,
  carrierData: { uses: carrierData.uses, asOf: carrierData.asOf },
  value: m.value === null ? null : Number(m.value.toFixed(9)),
  projection: p && {
    openOrders: p.openOrders,
    valueIfAllMiss: Number(p.valueIfAllMiss.toFixed(9)),
    statusIfAllMiss: p.statusIfAllMiss,
    mustShipOnTime: p.mustShipOnTime,
    latestShipBy: p.latestShipBy,
  },
});

describe.each(testDatabases())('compliance report in SQL against the rules oracle on %s', (kind) => {
  let app: TestApp;
  let service: ComplianceService;
  const accounts = {} as Record<Channel, ChannelAccountEntity>;
  const records = { WALMART: [] as ComplianceOrderRecord[], AMAZON: [] as ComplianceOrderRecord[] };
  /** What each record was built from, to build it again as it reads with the provider off. */
  const loadedWith = {
    WALMART: [] as ((providerOn: boolean) => ComplianceOrderRecord)[],
    AMAZON: [] as ((providerOn: boolean) => ComplianceOrderRecord)[],
  };

  /** The ADMIN's switch on the tracking provider settings page (with an API key: the provider is active). */
  async function setProvider(enabled: boolean): Promise<void> {
    await app.running.app.get(TrackingProviderSettingsService).update({ enabled, apiKey: 'EZTK-oracle-test' }, 'test');
  }

  /** The SKU categories set for each account, as the oracle needs them. */
  const categoriesOf = new Map<string, Record<string, string>>();

  async function mapCategories(accountId: string, categories: Record<string, string>) {
    await app.running.app.get(SkuCategoriesService).set(
      accountId,
      Object.entries(categories).map(([sku, category]) => ({ sku, category })),
      'test',
    );
    categoriesOf.set(accountId, { ...categoriesOf.get(accountId), ...categories });
  }

  async function load(
    channel: Channel,
    specs: OrderSpec[],
    account = accounts[channel],
  ): Promise<ComplianceOrderRecord[]> {
    const orders = specs.map(normalized);
    const ids = await insertOrders(app, account, orders);
    let key = 0;
    for (const [i, spec] of specs.entries()) {
      const outbox = (operation: string, at: Date, payload: unknown) =>
        app.ds.query(
          `INSERT INTO outbox (account_id, order_id, operation, payload, idempotency_key, status, next_attempt_at, created_by, created_at, delivered_at)
           VALUES ($1, $2, $3, $4, $5, 'DELIVERED', $6, 'test', $6, $6)`,
          [account.id, ids[i], operation, JSON.stringify(payload), `compliance-test:${ids[i]}:${(key += 1)}`, at],
        );
      const c = spec.cancel;
      if (c && (c.as === 'SELLER' || c.as === 'BUYER')) {
        const reason = CANCEL_REASON[channel][c.as === 'SELLER' ? 'seller' : 'buyer'];
        await outbox('CANCEL', c.at, {
          channelOrderId: orders[i].channelOrderId,
          lines: [{ lineNumber: '1', quantity: 1, reason, cancelledAfter: 1 }],
        });
      }
      const r = spec.refund;
      if (r && !imported(spec)) {
        const reason = r.as === 'SELLER_FAULT' ? 'DamagedItem' : 'CustomerChangedMind';
        await outbox('REFUND', r.at, {
          channelOrderId: orders[i].channelOrderId,
          lines: [{ lineNumber: '1', amountCents: 100, reason, isFullRefund: false, refundedAfterCents: 100 }],
          comments: null,
        });
      }
    }
    const shipmentIds = await shipmentIdsOf(app, ids);
    for (const [i, spec] of specs.entries()) {
      const s = spec.shipments?.[0];
      if (s?.scans) await recordCarrierScans(app, shipmentIds[i]!, { ...s.scans, deliveredAt: s.deliveredAt });
    }
    const builders = specs.map(
      (spec, i) => (providerOn: boolean) =>
        record(ids[i], orders[i], spec, categoriesOf.get(account.id) ?? {}, channel, providerOn),
    );
    const loaded = builders.map((build) => build(true));
    records[channel].push(...loaded);
    loadedWith[channel].push(...builders);
    return loaded;
  }

  async function expectSameAsOracle(
    channel: Channel,
    asOf: Date,
    accountId: string | null = null,
    oracleRecords = records[channel],
  ) {
    const sql = await service.report({ channel, asOf, accountId });
    const oracle = computeComplianceMetrics(channel, oracleRecords, { asOf, carrierDataAsOf: sql.carrierData.asOf });
    expect(sql.metrics.map(round)).toEqual(oracle.map(({ orderIds: _ids, ...m }) => round(m)));
    for (const metric of oracle) {
      const paged: string[] = [];
      for (;;) {
        const page = await service.metricOrderIds({
          channel,
          asOf,
          accountId,
          key: metric.key,
          category: metric.category,
          first: 7,
          after: paged.at(-1) ?? null,
        });
        paged.push(...page);
        if (page.length < 7) break;
      }
      expect([metric.key, metric.category, paged]).toEqual([metric.key, metric.category, metric.orderIds]);
    }
    return sql.metrics;
  }

  beforeAll(async () => {
    app = await startTestApp(kind);
    service = app.running.app.get(ComplianceService);
    await setProvider(true);
    accounts.WALMART = await anAccount(app, 'WALMART');
    accounts.AMAZON = await anAccount(app, 'AMAZON');
    await mapCategories(accounts.AMAZON.id, CATEGORIES);
    await mapCategories(accounts.WALMART.id, CATEGORIES);
    await load('WALMART', generatedSpecs('WALMART', AS_OF, 240, 7));
    await load('AMAZON', generatedSpecs('AMAZON', AS_OF, 240, 11));
  });
  afterAll(() => app?.close());

  it.each([
    ['WALMART', AS_OF],
    ['WALMART', new Date(AS_OF.getTime() - 9 * DAY - 5 * HOUR)],
    ['AMAZON', AS_OF],
    ['AMAZON', new Date(AS_OF.getTime() - 3 * DAY - 17 * HOUR)],
    ['AMAZON', new Date(AS_OF.getTime() + 2 * DAY)],
  ] as const)(
    '%s as of %s: every metric, its exclusions, projection and numerator orders agree',
    async (channel, asOf) => {
      const metrics = await expectSameAsOracle(channel, asOf);
      expect(metrics.every((m) => m.denominator > 0)).toBe(true);
      if (channel === 'AMAZON')
        expect(metrics.filter((m) => m.key === 'VALID_TRACKING_RATE').map((m) => m.category)).toEqual([
          null,
          'Baby & Kids',
          'Electronics',
          'Kitchen',
          'Uncategorized',
        ]);
    },
  );

  it.each(['WALMART', 'AMAZON'] as const)(
    '%s with the provider off: trackers no longer count as followed, and SQL and oracle still agree',
    async (channel) => {
      await setProvider(false);
      try {
        const metrics = await expectSameAsOracle(
          channel,
          AS_OF,
          null,
          loadedWith[channel].map((build) => build(false)),
        );
        const vtr = metrics.find((m) => m.key === 'VALID_TRACKING_RATE' && !m.category)!;
        expect(vtr.exclusions.find((x) => x.reason === 'NO_CARRIER_DATA')?.count ?? 0).toBeGreaterThan(
          channel === 'WALMART' ? 0 : -1,
        );
      } finally {
        await setProvider(true);
      }
    },
  );

  it('the generated data reaches every valid tracking verdict and address verdict', async () => {
    const [walmart] = await expectSameAsOracle('WALMART', AS_OF);
    expect(walmart.awaitingFirstScan).toBeGreaterThan(0);
    expect(walmart.exclusions.map((x) => x.reason)).toContain('NO_CARRIER_DATA');
    const mismatch = (await service.report({ channel: 'WALMART', asOf: AS_OF })).metrics.find(
      (m) => m.key === 'ADDRESS_MISMATCH_RATE',
    )!;
    expect(mismatch.numerator).toBeGreaterThan(0);
    expect(mismatch.denominator).toBeGreaterThan(mismatch.numerator);
    expect(mismatch.exclusions.map((x) => x.reason)).toContain('LOCATION_UNKNOWN');
  });

  it('a past window uses the policy of its time (Walmart > 99% before 2026-01-29)', async () => {
    const account = await anAccount(app, 'WALMART', 'America/Chicago');
    const shippedAt = new Date('2025-11-20T12:00:00Z');
    const old = await load(
      'WALMART',
      [
        ...Array.from({ length: 99 }, () => ({
          orderedAt: new Date('2025-11-18T12:00:00Z'),
          shipBy: new Date('2025-11-21T12:00:00Z'),
          shipments: [
            {
              carrier: 'UPS' as const,
              tracking: validTrackingNumber('UPS'),
              at: shippedAt,
              scans: { tracker: 'DONE' as const, firstScanAt: new Date(shippedAt.getTime() + 6 * HOUR) },
            },
          ],
        })),
        {
          orderedAt: new Date('2025-11-18T12:00:00Z'),
          shipBy: new Date('2025-11-21T12:00:00Z'),
          shipments: [{ carrier: 'UPS', tracking: '1Z999AA10123456785', at: shippedAt }],
        },
      ],
      account,
    );
    const metrics = await expectSameAsOracle('WALMART', new Date('2025-12-01T00:00:00Z'), account.id, old);
    expect(metrics[0]).toMatchObject({
      key: 'VALID_TRACKING_RATE',
      numerator: 99,
      denominator: 100,
      value: 99,
      comparator: 'ABOVE',
      status: 'FAILING',
      policyVersion: 'walmart-2023-06-06',
    });
  });

  it('hand-built Amazon orders: known late shipment rate, exemptions and cancels for one account', async () => {
    const account = await anAccount(app, 'AMAZON', 'America/New_York');
    const at = (iso: string) => new Date(iso);
    // Amazon reports its packages' scans: each parcel scanned six hours after it was confirmed.
    const ups = (iso: string, tracking: string | null = validTrackingNumber('UPS')) => [
      {
        carrier: 'UPS' as const,
        tracking,
        at: at(iso),
        scans: { firstScanAt: new Date(at(iso).getTime() + 6 * HOUR) },
      },
    ];
    const specs: OrderSpec[] = [
      {
        orderedAt: at('2026-11-14T10:00:00Z'),
        shipBy: at('2026-11-15T20:00:00Z'),
        shipments: ups('2026-11-15T18:00:00Z'),
      },
      {
        orderedAt: at('2026-11-14T10:00:00Z'),
        shipBy: at('2026-11-16T20:00:00Z'),
        shipments: ups('2026-11-17T10:00:00Z', '1Z999AA10123456785'),
      },
      { orderedAt: at('2026-11-16T10:00:00Z'), shipBy: at('2026-11-18T20:00:00Z') },
      {
        orderedAt: at('2026-11-15T10:00:00Z'),
        shipBy: at('2026-11-17T20:00:00Z'),
        cancel: { at: at('2026-11-16T08:00:00Z'), as: 'SELLER' },
      },
      {
        orderedAt: at('2026-11-15T10:00:00Z'),
        shipBy: at('2026-11-17T20:00:00Z'),
        cancel: { at: at('2026-11-16T08:00:00Z'), as: 'BUYER' },
      },
      {
        orderedAt: at('2026-11-14T10:00:00Z'),
        shipBy: at('2026-11-15T20:00:00Z'),
        fulfillment: 'CHANNEL',
        shipments: ups('2026-11-15T10:00:00Z'),
      },
      {
        orderedAt: at('2026-11-17T10:00:00Z'),
        shipBy: at('2026-11-18T20:00:00Z'),
        totalCents: 800,
        shipments: [{ carrier: 'USPS', tracking: null, at: at('2026-11-18T09:00:00Z'), type: 'LETTER', weightOz: 2 }],
      },
      { orderedAt: at('2026-11-19T10:00:00Z'), shipBy: at('2026-11-20T20:00:00Z') },
      { orderedAt: at('2026-11-19T10:00:00Z'), shipBy: at('2026-11-21T20:00:00Z') },
    ];
    const mine = await load('AMAZON', specs, account);
    const metrics = await expectSameAsOracle('AMAZON', AS_OF, account.id, mine);
    const byKey = Object.fromEntries(metrics.map((m) => [m.key, m]));
    // Due in the window: one on time, one late, one unshipped past ship-by; the seller's and buyer's cancels are left out.
    expect(byKey.LATE_SHIPMENT_RATE_10D).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: 50,
      status: 'FAILING',
      exclusions: [
        { reason: 'CANCELLED_BEFORE_SHIPPING', count: 2 },
        { reason: 'CHANNEL_FULFILLED', count: 1 },
      ],
    });
    expect(byKey.LATE_SHIPMENT_RATE_10D.projection).toMatchObject({
      openOrders: 2,
      mustShipOnTime: null,
      latestShipBy: at('2026-11-21T20:00:00Z'),
    });
    // One valid, one with a wrong check digit; the channel's own shipment and the letter under $10 are left out.
    expect(byKey.VALID_TRACKING_RATE).toMatchObject({
      numerator: 1,
      denominator: 2,
      status: 'FAILING',
      exclusions: [
        { reason: 'CHANNEL_FULFILLED', count: 1 },
        { reason: 'EXEMPT_LETTER_OR_FLAT', count: 1 },
      ],
    });
    expect(byKey.PRE_FULFILLMENT_CANCEL_RATE).toMatchObject({
      numerator: 1,
      denominator: 7,
      exclusions: [
        { reason: 'BUYER_REQUESTED', count: 1 },
        { reason: 'CHANNEL_FULFILLED', count: 1 },
      ],
    });
  });

  it('Amazon channel or customer cancel made outside the hub (cancelledBy AMAZON / BUYER) is not a seller cancel', async () => {
    const account = await anAccount(app, 'AMAZON', 'America/Anchorage');
    const at = (iso: string) => new Date(iso);
    const placed = { orderedAt: at('2026-11-15T10:00:00Z'), shipBy: at('2026-11-17T20:00:00Z') };
    const mine = await load(
      'AMAZON',
      [
        { ...placed, cancel: { at: at('2026-11-16T08:00:00Z'), as: 'CHANNEL_ITSELF' } },
        { ...placed, cancel: { at: at('2026-11-16T08:00:00Z'), as: 'CHANNEL_SELLER' } },
        {
          ...placed,
          shipments: [{ carrier: 'UPS', tracking: validTrackingNumber('UPS'), at: at('2026-11-16T10:00:00Z') }],
        },
      ],
      account,
    );
    const [amazonBuyer] = await load(
      'AMAZON',
      [{ ...placed, cancel: { at: at('2026-11-16T08:00:00Z'), as: 'CHANNEL_SELLER' } }],
      account,
    );
    // Amazon says the buyer cancelled it (cancelledBy BUYER), whatever the reason text.
    await app.ds.query(`UPDATE order_line SET cancelled_by = 'BUYER' WHERE order_id = $1`, [amazonBuyer.id]);
    amazonBuyer.cancellation = {
      ...amazonBuyer.cancellation!,
      initiator: cancellationInitiatorOfLines([{ cancelledBy: 'BUYER' }])!,
    };
    const metrics = await expectSameAsOracle('AMAZON', AS_OF, account.id, [...mine, amazonBuyer]);
    expect(metrics.find((m) => m.key === 'PRE_FULFILLMENT_CANCEL_RATE')).toMatchObject({
      numerator: 1,
      denominator: 2,
      exclusions: [
        { reason: 'BUYER_REQUESTED', count: 1 },
        { reason: 'CHANNEL_CANCELLED', count: 1 },
      ],
    });
  });

  it('Walmart line reasons: a channel customer cancel is not a seller cancel, a customer-reason refund not seller-fault; an acknowledgement at an unknown time is neither late nor on time', async () => {
    const account = await anAccount(app, 'WALMART', 'America/Chicago');
    const at = (iso: string) => new Date(iso);
    const placed = { orderedAt: at('2026-11-10T10:00:00Z'), shipBy: at('2026-11-12T20:00:00Z') };
    const shipped = {
      ...placed,
      acknowledgedAt: at('2026-11-10T11:00:00Z'),
      shipments: [{ carrier: 'UPS' as const, tracking: validTrackingNumber('UPS'), at: at('2026-11-12T10:00:00Z') }],
    };
    const specs: OrderSpec[] = [
      {
        ...placed,
        acknowledgedAt: at('2026-11-10T11:00:00Z'),
        cancel: { at: at('2026-11-11T08:00:00Z'), as: 'CHANNEL_BUYER' },
      },
      {
        ...placed,
        acknowledgedAt: at('2026-11-10T11:00:00Z'),
        cancel: { at: at('2026-11-11T08:00:00Z'), as: 'CHANNEL_SELLER' },
      },
      { ...shipped, refund: { at: at('2026-11-15T10:00:00Z'), as: 'IMPORTED_CUSTOMER' } },
      { ...shipped, refund: { at: at('2026-11-15T10:00:00Z'), as: 'IMPORTED_SELLER' } },
      { ...shipped, acknowledgedAt: null },
      { ...shipped },
    ];
    const mine = await load('WALMART', specs, account);
    const metrics = await expectSameAsOracle('WALMART', AS_OF, account.id, mine);
    const byKey = Object.fromEntries(metrics.map((m) => [m.key, m]));
    expect(byKey.CANCELLATION_RATE).toMatchObject({
      numerator: 1,
      denominator: 5,
      exclusions: [{ reason: 'BUYER_REQUESTED', count: 1 }],
    });
    expect(byKey.REFUND_RATE).toMatchObject({ numerator: 1, denominator: 6 });
    expect(
      await service.metricOrderIds({
        channel: 'WALMART',
        asOf: AS_OF,
        accountId: account.id,
        key: 'REFUND_RATE',
        category: null,
        first: 10,
        after: null,
      }),
    ).toEqual([mine[3].id]);
    expect(byKey.ACKNOWLEDGEMENT_RATE).toMatchObject({
      numerator: 5,
      denominator: 5,
      exclusions: [{ reason: 'ACKNOWLEDGED_AT_UNKNOWN', count: 1 }],
    });
    expect(byKey.ACKNOWLEDGEMENT_RATE.label).toContain('unknown time left out');
  });

  it("Walmart replacement orders and orders of a 3PL node count in the seller's metrics (SELLER_METRIC_SCOPE); a WFS node does not", async () => {
    const account = await anAccount(app, 'WALMART', 'America/Denver');
    const at = (iso: string) => new Date(iso);
    const late = (extra: Partial<OrderSpec>): OrderSpec => ({
      orderedAt: at('2026-11-10T10:00:00Z'),
      shipBy: at('2026-11-12T20:00:00Z'),
      acknowledgedAt: at('2026-11-10T11:00:00Z'),
      shipments: [{ carrier: 'UPS', tracking: validTrackingNumber('UPS'), at: at('2026-11-13T10:00:00Z') }],
      ...extra,
    });
    const mine = await load(
      'WALMART',
      [
        late({ orderType: 'REPLACEMENT' }),
        late({ shipNodeType: '3PLFulfilled' }),
        late({ shipNodeType: 'WFSFulfilled' }),
        late({ orderType: 'REGULAR', shipNodeType: 'SellerFulfilled' }),
      ],
      account,
    );
    const metrics = await expectSameAsOracle('WALMART', AS_OF, account.id, mine);
    const ots = metrics.find((m) => m.key === 'ON_TIME_SHIPMENT_RATE')!;
    expect(ots).toMatchObject({
      numerator: 0,
      denominator: 3,
      exclusions: [{ reason: 'CHANNEL_FULFILLED', count: 1 }],
    });
  });

  it('Amazon letter/flat exemption compares the item price before tax, not the total with tax', async () => {
    const account = await anAccount(app, 'AMAZON', 'America/Chicago');
    const at = (iso: string) => new Date(iso);
    const letter = (totalCents: number, merchandiseCents?: number): OrderSpec => ({
      orderedAt: at('2026-11-17T10:00:00Z'),
      shipBy: at('2026-11-18T20:00:00Z'),
      totalCents,
      merchandiseCents,
      shipments: [{ carrier: 'USPS', tracking: null, at: at('2026-11-18T09:00:00Z'), type: 'LETTER', weightOz: 2 }],
    });
    // $10.49 with tax but $9.80 of goods and shipping: exempt. $10.49 with no breakdown: the total is all the hub knows.
    const mine = await load('AMAZON', [letter(1049, 980), letter(1049), letter(1200, 1000)], account);
    const metrics = await expectSameAsOracle('AMAZON', AS_OF, account.id, mine);
    expect(metrics.find((m) => m.key === 'VALID_TRACKING_RATE' && m.category === null)).toMatchObject({
      numerator: 0,
      denominator: 2,
      exclusions: [{ reason: 'EXEMPT_LETTER_OR_FLAT', count: 1 }],
    });
  });

  it('serves the report over GraphQL to a VIEWER, with the numerator orders paged', async () => {
    const account = await anAccount(app, 'AMAZON', 'America/Phoenix');
    const at = (iso: string) => new Date(iso);
    const late = (i: number): OrderSpec => ({
      orderedAt: at('2026-11-14T10:00:00Z'),
      shipBy: at(`2026-11-1${5 + (i % 3)}T20:00:00Z`),
      shipments: [{ carrier: 'UPS', tracking: validTrackingNumber('UPS'), at: at('2026-11-18T20:30:00Z') }],
    });
    const mine = await load(
      'AMAZON',
      [
        ...Array.from({ length: 5 }, (_, i) => late(i)),
        { orderedAt: at('2026-11-19T10:00:00Z'), shipBy: at('2026-11-20T20:00:00Z') },
      ],
      account,
    );
    const viewer = (
      await app.gql(`mutation { createApiToken(input: { name: "compliance-bi", role: VIEWER }) { token } }`)
    ).data!.createApiToken.token as string;
    const query = `query($accountId: ID, $asOf: DateTime, $after: String) {
      complianceReport(channel: AMAZON, accountId: $accountId, asOf: $asOf) {
        channel accountId asOf policyVersion
        metrics { key label value numerator denominator exclusions { reason count } threshold comparator status windowDays windowStart windowEnd policyVersion
          orders(first: 2, after: $after) { totalCount edges { cursor node { id channelOrderId } } pageInfo { hasNextPage endCursor } }
          projection { openOrders valueIfAllMiss statusIfAllMiss mustShipOnTime latestShipBy } }
      }
    }`;
    const first = await app.gql(query, { accountId: account.id, asOf: AS_OF.toISOString() }, viewer);
    expect(first.errors).toBeUndefined();
    const report = first.data!.complianceReport;
    expect(report).toMatchObject({
      channel: 'AMAZON',
      accountId: account.id,
      asOf: AS_OF.toISOString(),
      policyVersion: 'amazon-2025-01-15',
    });
    const lsr = report.metrics.find((m: { key: string }) => m.key === 'LATE_SHIPMENT_RATE_10D');
    expect(lsr).toMatchObject({
      label: 'Late shipment rate (10 days)',
      value: 100,
      numerator: 5,
      denominator: 5,
      threshold: 4,
      comparator: 'BELOW',
      status: 'FAILING',
      windowDays: 10,
      windowStart: '2026-11-10T00:00:00.000Z',
      windowEnd: AS_OF.toISOString(),
      projection: {
        openOrders: 1,
        statusIfAllMiss: 'FAILING',
        mustShipOnTime: null,
        latestShipBy: '2026-11-20T20:00:00.000Z',
      },
    });
    expect(lsr.orders.totalCount).toBe(5);
    const lateIds = mine
      .slice(0, 5)
      .map((o) => o.id)
      .sort();
    const seen: string[] = lsr.orders.edges.map((e: { node: { id: string } }) => e.node.id);
    let page = lsr.orders;
    while (page.pageInfo.hasNextPage) {
      const next = await app.gql(
        query,
        { accountId: account.id, asOf: AS_OF.toISOString(), after: page.pageInfo.endCursor },
        viewer,
      );
      page = next.data!.complianceReport.metrics.find(
        (m: { key: string }) => m.key === 'LATE_SHIPMENT_RATE_10D',
      ).orders;
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
    }
    expect(seen).toEqual(lateIds);

    const tooMany = await app.gql(
      `{ complianceReport(channel: AMAZON) { metrics { orders(first: 500) { totalCount } } } }`,
      {},
      viewer,
    );
    expect(tooMany.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const badAccount = await app.gql(
      `{ complianceReport(channel: WALMART, accountId: "nope") { policyVersion } }`,
      {},
      viewer,
    );
    expect(badAccount.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(
      (await app.gql(`{ complianceReport(channel: WALMART) { policyVersion } }`, {}, null)).errors?.[0].extensions.code,
    ).toBe('UNAUTHENTICATED');
  });

  it("lists the orders against the standard and the projection's open orders, for one metric only", async () => {
    const account = await anAccount(app, 'AMAZON', 'America/Los_Angeles');
    const at = (iso: string) => new Date(iso);
    const shipped = (tracking: string): OrderSpec => ({
      orderedAt: at('2026-11-14T10:00:00Z'),
      shipBy: at('2026-11-16T20:00:00Z'),
      shipments: [
        {
          carrier: 'UPS',
          tracking,
          at: at('2026-11-15T12:00:00Z'),
          scans: { firstScanAt: at('2026-11-15T18:00:00Z') },
        },
      ],
    });
    const open: OrderSpec = { orderedAt: at('2026-11-19T10:00:00Z'), shipBy: at('2026-11-21T20:00:00Z') };
    const mine = await load(
      'AMAZON',
      [
        shipped(validTrackingNumber('UPS')),
        shipped(validTrackingNumber('UPS')),
        shipped('1Z999AA10123456785'),
        open,
        open,
      ],
      account,
    );
    const query = `query($accountId: ID, $asOf: DateTime) {
      complianceReport(channel: AMAZON, accountId: $accountId, asOf: $asOf) {
        metrics(key: VALID_TRACKING_RATE, category: "") {
          key category numerator denominator defects projection { openOrders mustShipOnTime }
          valid: orders { totalCount edges { node { id } } }
          invalid: orders(set: DENOMINATOR_ONLY) { totalCount edges { node { id } } }
          open: orders(set: OPEN) { totalCount edges { node { id } } }
        }
      }
      lsr: complianceReport(channel: AMAZON, accountId: $accountId, asOf: $asOf) { metrics(key: LATE_SHIPMENT_RATE_30D) { key defects } }
    }`;
    const res = await app.gql(query, { accountId: account.id, asOf: AS_OF.toISOString() });
    expect(res.errors).toBeUndefined();
    const ids = (c: { edges: { node: { id: string } }[] }) => c.edges.map((e) => e.node.id).sort();
    const [vtr, ...others] = res.data!.complianceReport.metrics;
    expect(others).toEqual([]);
    expect(vtr).toMatchObject({
      key: 'VALID_TRACKING_RATE',
      category: null,
      numerator: 2,
      denominator: 3,
      defects: 'DENOMINATOR_ONLY',
      projection: { openOrders: 2 },
    });
    expect([vtr.valid.totalCount, ids(vtr.valid)]).toEqual([
      2,
      mine
        .slice(0, 2)
        .map((o) => o.id)
        .sort(),
    ]);
    expect([vtr.invalid.totalCount, ids(vtr.invalid)]).toEqual([1, [mine[2].id]]);
    expect([vtr.open.totalCount, ids(vtr.open)]).toEqual([
      2,
      mine
        .slice(3)
        .map((o) => o.id)
        .sort(),
    ]);
    expect(res.data!.lsr.metrics).toEqual([{ key: 'LATE_SHIPMENT_RATE_30D', defects: 'NUMERATOR' }]);
  });

  it('re-checks a shipment whose tracking number was corrected', async () => {
    const account = await anAccount(app, 'AMAZON', 'America/Denver');
    const [order] = await load(
      'AMAZON',
      [
        {
          orderedAt: new Date('2026-11-10T10:00:00Z'),
          shipBy: new Date('2026-11-11T10:00:00Z'),
          shipments: [
            {
              carrier: 'UPS',
              tracking: 'PENDING',
              at: new Date('2026-11-11T09:00:00Z'),
              scans: { firstScanAt: new Date('2026-11-11T15:00:00Z') },
            },
          ],
        },
      ],
      account,
    );
    const vtr = async () =>
      (await service.report({ channel: 'AMAZON', accountId: account.id, asOf: AS_OF })).metrics[0];
    expect(await vtr()).toMatchObject({ numerator: 0, denominator: 1 });
    await app.ds.query(`UPDATE shipment SET tracking_number = $2 WHERE order_id = $1`, [
      order.id,
      validTrackingNumber('UPS'),
    ]);
    expect(await vtr()).toMatchObject({ numerator: 1, denominator: 1 });
  });
});
