import type { Channel, NormalizedOrder, NormalizedShipment } from '@order-hub/types';
import { SkuCategoriesService } from '../src/modules/catalog/sku-categories.service';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { HOUR_MS, hourRuns, planCounts } from '../src/modules/compliance/compliance-count-plan';
import { ComplianceDayCountsService } from '../src/modules/compliance/compliance-day-counts.service';
import { ComplianceService, type ReportedMetric } from '../src/modules/compliance/compliance.service';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SKUS = ['KTC-1', 'ELC-2', 'ZZZ-9'];

/** A small deterministic generator (LCG), so a failure replays. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function shipment(at: Date, tracking: string | null, deliveredAt?: Date): NormalizedShipment {
  return {
    carrier: 'UPS',
    service: null,
    trackingNumber: tracking,
    trackingUrl: null,
    shippedAt: at,
    packageType: 'PARCEL',
    weightOz: null,
    lengthIn: null,
    widthIn: null,
    heightIn: null,
    lines: [{ lineNumber: '1', quantity: 1 }],
    events: deliveredAt ? [{ type: 'DELIVERED', at: deliveredAt }] : [],
  };
}

/** An order placed at `orderedAt`, due a day or two later; shipped (maybe late, maybe with a bad number) or open. */
function anOrderAt(orderedAt: Date, rnd: () => number, overrides: Partial<NormalizedOrder> = {}): NormalizedOrder {
  const shipBy = new Date(orderedAt.getTime() + Math.floor((1 + rnd()) * DAY));
  const base = anOrder();
  const shippedAt = new Date(shipBy.getTime() + Math.floor((rnd() - 0.85) * DAY));
  const shipped = rnd() < 0.8 && shippedAt.getTime() < Date.now();
  const tracking = rnd() < 0.85 ? validTrackingNumber('UPS') : rnd() < 0.5 ? 'PENDING' : null;
  const deliverBy = new Date(shipBy.getTime() + 3 * DAY);
  const deliveredAt = rnd() < 0.7 ? new Date(shippedAt.getTime() + Math.floor((1 + rnd() * 4) * DAY)) : undefined;
  const status = shipped ? 'SHIPPED' : 'ACKNOWLEDGED';
  return {
    ...base,
    orderedAt,
    shipBy,
    deliverBy,
    acknowledgedAt: rnd() < 0.9 ? new Date(orderedAt.getTime() + Math.floor(rnd() * 6 * HOUR)) : null,
    fulfillmentMethod: rnd() < 0.05 ? 'CHANNEL' : 'MERCHANT',
    status,
    channelUpdatedAt: orderedAt,
    lines: [{ ...base.lines[0], sku: SKUS[Math.floor(rnd() * SKUS.length)], quantityShipped: shipped ? 1 : 0, status }],
    shipments: shipped
      ? [shipment(shippedAt, tracking, deliveredAt && deliveredAt.getTime() < Date.now() ? deliveredAt : undefined)]
      : [],
    ...overrides,
  };
}

describe('planCounts: which hours a report reads stored and which live', () => {
  const asOf = new Date('2026-11-24T10:12:48.351Z');
  const at = (iso: string) => new Date(iso);

  /** Every instant from the widest start on is read exactly once: a stored hour or a live range. */
  function expectPartition(plan: ReturnType<typeof planCounts>, from: Date) {
    const pieces = [
      ...plan.cachedHours.map((h) => ({ from: h, before: new Date(h.getTime() + HOUR_MS) })),
      ...plan.live,
    ].sort((a, b) => a.from.getTime() - b.from.getTime());
    expect(pieces[0].from).toEqual(from);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i].from).toEqual(pieces[i - 1].before);
    expect(pieces.at(-1)!.before).toBeNull();
  }

  it.each([
    {
      name: 'one 30-day window',
      starts: ['2026-10-25T10:12:48.351Z'],
      settle: 0,
      first: '2026-10-25T11:00:00.000Z',
      tail: '2026-11-24T10:00:00.000Z',
      live: 2,
    },
    {
      name: 'nested 10- and 30-day windows',
      starts: ['2026-10-25T10:12:48.351Z', '2026-11-14T10:12:48.351Z'],
      settle: 0,
      first: '2026-10-25T11:00:00.000Z',
      tail: '2026-11-24T10:00:00.000Z',
      live: 3,
    },
    {
      name: 'a start on the hour',
      starts: ['2026-10-25T10:00:00.000Z'],
      settle: 0,
      first: '2026-10-25T10:00:00.000Z',
      tail: '2026-11-24T10:00:00.000Z',
      live: 1,
    },
    {
      name: '24 hours to settle',
      starts: ['2026-10-25T10:12:48.351Z'],
      settle: 24,
      first: '2026-10-25T11:00:00.000Z',
      tail: '2026-11-23T10:00:00.000Z',
      live: 2,
    },
  ])('$name', ({ starts, settle, first, tail, live }) => {
    const plan = planCounts(starts.map(at), asOf, true, settle);
    expect(plan.cacheFrom).toEqual(at(first));
    expect(plan.cacheBefore).toEqual(at(tail));
    expect(plan.cachedHours[0]).toEqual(at(first));
    expect(plan.cachedHours.at(-1)).toEqual(new Date(at(tail).getTime() - HOUR_MS));
    expect(plan.live).toHaveLength(live);
    // A nested start's hour is read live: its records are inside one window and not the other.
    for (const s of starts.map(at).filter((s) => s.getTime() % HOUR_MS !== 0))
      expect(plan.cachedHours.some((h) => h.getTime() === Math.floor(s.getTime() / HOUR_MS) * HOUR_MS)).toBe(false);
    expectPartition(plan, at(starts[0]));
  });

  it('reads everything live without the store, or when the window is within the unsettled hours', () => {
    const start = at('2026-11-23T12:00:00.000Z');
    expect(planCounts([start], asOf, false).live).toEqual([{ from: start, before: null }]);
    expect(planCounts([start], asOf, true, 24)).toEqual({
      cachedHours: [],
      cacheFrom: null,
      cacheBefore: null,
      live: [{ from: start, before: null }],
    });
  });

  it('groups missing hours into consecutive runs', () => {
    const h = (n: number) => Date.UTC(2026, 10, 20, n);
    expect(
      hourRuns([h(5), h(3), h(4), h(9)]).map((r) => [r.from.getUTCHours(), r.before.getUTCHours(), r.hours.length]),
    ).toEqual([
      [3, 6, 3],
      [9, 10, 1],
    ]);
  });
});

describe.each(testDatabases())('compliance day counts on %s', (kind) => {
  let app: TestApp;
  let service: ComplianceService;
  let dayCounts: ComplianceDayCountsService;
  const accounts = {} as Record<Channel, ChannelAccountEntity>;
  const rnd = random(17);

  /** The report as of `asOf` (default now) from the day counts and from the raw facts: they must agree exactly. */
  async function bothWays(
    channel: Channel,
    asOf = new Date(),
    accountId: string | null = null,
  ): Promise<ReportedMetric[]> {
    dayCounts.enabled = true;
    const cached = await service.report({ channel, asOf, accountId });
    dayCounts.enabled = false;
    const raw = await service.report({ channel, asOf, accountId });
    dayCounts.enabled = true;
    expect(cached.metrics).toEqual(raw.metrics);
    return cached.metrics;
  }

  /** The stored hour buckets of an account: when each was counted, by facts group and hour. */
  const counted = async (accountId: string): Promise<Map<string, string>> => {
    const rows: { key: string; computed_at: Date }[] = await app.ds.query(
      `SELECT fact_key || ' ' || policy_version || ' ' || hour::text AS key, computed_at FROM compliance_hour_count WHERE account_id = $1`,
      [accountId],
    );
    return new Map(rows.map((r) => [r.key, new Date(r.computed_at).toISOString()]));
  };
  const dirtyDays = async (): Promise<number> =>
    (await app.ds.query(`SELECT count(*)::int AS n FROM compliance_dirty_day`))[0].n;

  async function outbox(
    account: ChannelAccountEntity,
    orderId: string,
    operation: 'CANCEL' | 'REFUND',
    at: Date,
    reason: string,
  ): Promise<void> {
    const line =
      operation === 'CANCEL'
        ? { lineNumber: '1', quantity: 1, reason, cancelledAfter: 1 }
        : { lineNumber: '1', amountCents: 100, reason, isFullRefund: false, refundedAfterCents: 100 };
    await app.ds.query(
      `INSERT INTO outbox (account_id, order_id, operation, payload, idempotency_key, status, next_attempt_at, created_by, created_at, delivered_at)
       VALUES ($1, $2, $3, $4, $5, 'DELIVERED', $6, 'test', $6, $6)`,
      [account.id, orderId, operation, JSON.stringify({ lines: [line] }), `day-counts:${orderId}:${operation}`, at],
    );
  }

  /** An order of the account anchored `daysAgo` days back (a closed day), with its id. */
  async function orderDaysAgo(
    channel: Channel,
    daysAgo: number,
    overrides: Partial<NormalizedOrder> = {},
  ): Promise<string> {
    const [id] = await insertOrders(app, accounts[channel], [
      anOrderAt(new Date(Date.now() - daysAgo * DAY), rnd, overrides),
    ]);
    return id;
  }

  beforeAll(async () => {
    app = await startTestApp(kind);
    service = app.running.app.get(ComplianceService);
    dayCounts = app.running.app.get(ComplianceDayCountsService);
    for (const channel of ['AMAZON', 'WALMART'] as const) {
      accounts[channel] = await anAccount(app, channel);
      await app.running.app.get(SkuCategoriesService).set(
        accounts[channel].id,
        [
          { sku: 'KTC-1', category: 'Kitchen' },
          { sku: 'ELC-2', category: 'Electronics' },
        ],
        'test',
      );
      const now = Date.now();
      const orders = Array.from({ length: 160 }, () => anOrderAt(new Date(now - Math.floor(rnd() * 40 * DAY)), rnd));
      const ids = await insertOrders(app, accounts[channel], orders);
      // Some seller and buyer cancellations of unshipped orders, and refunds, as the hub writes them.
      for (const [i, order] of orders.entries()) {
        if (order.shipments.length === 0 && i % 3 === 0)
          await outbox(
            accounts[channel],
            ids[i],
            'CANCEL',
            new Date(order.orderedAt.getTime() + 5 * HOUR),
            i % 2 ? 'NoInventory' : 'BuyerCanceled',
          );
        if (order.shipments.length > 0 && i % 7 === 0)
          await outbox(
            accounts[channel],
            ids[i],
            'REFUND',
            new Date(order.shipments[0].shippedAt.getTime() + DAY),
            'DamagedItem',
          );
      }
    }
  });
  afterAll(() => app?.close());

  it.each(['AMAZON', 'WALMART'] as const)(
    '%s: the report from the day counts is the raw report, and the second one only reads them',
    async (channel) => {
      const first = await bothWays(channel);
      expect(first.some((m) => m.denominator > 0)).toBe(true);
      const stored = await counted(accounts[channel].id);
      // Every facts group of the channel keeps about 30 days of hours (Amazon's cancel rate: 7 days).
      const groups = new Set([...stored.keys()].map((k) => k.split(' ')[0]));
      expect(groups.size).toBeGreaterThanOrEqual(4);
      expect(stored.size).toBeGreaterThan(groups.size * 6 * 24);
      await bothWays(channel, new Date(), accounts[channel].id);
      // Nothing changed: the second report counted no stored hour again (an hour closing meanwhile may be added).
      const again = await counted(accounts[channel].id);
      expect([...stored].filter(([key, at]) => again.get(key) !== at)).toEqual([]);
    },
  );

  /** Each change lands on a closed day: the stale day must be dropped and counted again. */
  const changes: [string, Channel, () => Promise<void>][] = [
    [
      'ship a late order',
      'AMAZON',
      async () => {
        const id = await orderDaysAgo('AMAZON', 9, { shipments: [], status: 'ACKNOWLEDGED' });
        await bothWays('AMAZON');
        await app.ds.query(
          `INSERT INTO shipment (order_id, carrier, tracking_number, shipped_at, package_type, source) VALUES ($1, 'UPS', $2, now() - interval '4 days', 'PARCEL', 'CHANNEL')`,
          [id, '1Z999AA10123456785'],
        );
      },
    ],
    [
      'cancel an open order (seller)',
      'AMAZON',
      async () => {
        const id = await orderDaysAgo('AMAZON', 5, { shipments: [], status: 'ACKNOWLEDGED' });
        await bothWays('AMAZON');
        await outbox(accounts.AMAZON, id, 'CANCEL', new Date(Date.now() - 4 * DAY), 'NoInventory');
      },
    ],
    [
      'refund for a seller fault',
      'WALMART',
      async () => {
        const [row] = await app.ds.query(
          `SELECT o.id FROM "order" o WHERE o.account_id = $1 AND o.ordered_at < now() - interval '6 days' AND o.ordered_at > now() - interval '25 days'
                                          AND NOT EXISTS (SELECT 1 FROM outbox ob WHERE ob.order_id = o.id) ORDER BY o.ordered_at LIMIT 1`,
          [accounts.WALMART.id],
        );
        await outbox(accounts.WALMART, row.id, 'REFUND', new Date(Date.now() - 3 * DAY), 'DamagedItem');
      },
    ],
    [
      'fix a tracking number',
      'AMAZON',
      async () => {
        await app.ds.query(
          `UPDATE shipment SET tracking_number = $2 WHERE id = (SELECT s.id FROM shipment s JOIN "order" o ON o.id = s.order_id JOIN compliance_tracking_check c ON c.shipment_id = s.id
                                                           WHERE o.account_id = $1 AND NOT c.valid AND s.shipped_at < now() - interval '4 days' AND o.fulfillment_method <> 'CHANNEL'
                                                           ORDER BY s.shipped_at DESC LIMIT 1)`,
          [accounts.AMAZON.id, validTrackingNumber('UPS')],
        );
      },
    ],
    [
      'import a new order placed days ago',
      'WALMART',
      async () => {
        await orderDaysAgo('WALMART', 6, { fulfillmentMethod: 'MERCHANT', acknowledgedAt: null });
      },
    ],
    [
      'an outbox cancellation goes DEAD',
      'AMAZON',
      async () => {
        await app.ds.query(
          `UPDATE outbox SET status = 'DEAD' WHERE id = (SELECT ob.id FROM outbox ob JOIN "order" o ON o.id = ob.order_id WHERE ob.account_id = $1 AND ob.operation = 'CANCEL'
                                                        AND ob.payload->'lines'->0->>'reason' = 'NoInventory' AND o.ordered_at < now() - interval '3 days' AND o.ordered_at > now() - interval '6 days' LIMIT 1)`,
          [accounts.AMAZON.id],
        );
      },
    ],
    [
      'a channel cancellation of an order line',
      'WALMART',
      async () => {
        await app.ds.query(
          `UPDATE order_line SET quantity_cancelled = 1, status = 'CANCELLED' WHERE order_id = (SELECT o.id FROM "order" o WHERE o.account_id = $1 AND o.ordered_at < now() - interval '4 days'
           AND o.ordered_at > now() - interval '20 days' AND o.fulfillment_method <> 'CHANNEL' AND NOT EXISTS (SELECT 1 FROM shipment s WHERE s.order_id = o.id)
           AND NOT EXISTS (SELECT 1 FROM outbox ob WHERE ob.order_id = o.id) ORDER BY o.ordered_at LIMIT 1)`,
          [accounts.WALMART.id],
        );
      },
    ],
    [
      'a delivery event arrives',
      'AMAZON',
      async () => {
        const rows: { id: string; order_id: string }[] = await app.ds.query(
          `SELECT s.id, s.order_id FROM shipment s JOIN "order" o ON o.id = s.order_id WHERE o.account_id = $1 AND o.deliver_by < now() - interval '4 days' AND o.deliver_by > now() - interval '20 days'
            AND o.fulfillment_method <> 'CHANNEL' AND NOT EXISTS (SELECT 1 FROM carrier_event e WHERE e.shipment_id = s.id) LIMIT 1`,
          [accounts.AMAZON.id],
        );
        await app.ds.query(
          `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, occurred_at, source) VALUES ($1, $2, 'DELIVERED', 'DELIVERED', now() - interval '3 days', 'CHANNEL')`,
          [rows[0].id, rows[0].order_id],
        );
      },
    ],
    [
      'a SKU moves to another category',
      'AMAZON',
      async () => {
        await app.running.app
          .get(SkuCategoriesService)
          .set(accounts.AMAZON.id, [{ sku: 'ZZZ-9', category: 'Kitchen' }], 'test');
      },
    ],
  ];

  it.each(changes)('after a change (%s) the day counts still give the raw report', async (_name, channel, change) => {
    const before = await bothWays(channel);
    await change();
    expect(await dirtyDays()).toBeGreaterThan(0);
    const after = await bothWays(channel);
    expect(await dirtyDays()).toBe(0);
    // The change moved a number, so a stale day would have shown.
    expect(after).not.toEqual(before);
  });

  it('agrees on records at the window edges and UTC day boundaries', async () => {
    const asOf = new Date();
    const midnight = Math.floor(asOf.getTime() / DAY) * DAY;
    const hour = Math.floor(asOf.getTime() / HOUR) * HOUR;
    const at = (t: number) => new Date(t);
    const edges = [
      asOf.getTime() - 30 * DAY, // the 30-day windows' first instant, in a partial day
      asOf.getTime() - 30 * DAY - 1,
      asOf.getTime() - 10 * DAY, // the 10-day late shipment window's start, inside the 30-day one
      asOf.getTime() - 10 * DAY - 1,
      asOf.getTime() - 7 * DAY,
      asOf.getTime() - 7 * DAY - 1,
      midnight - 5 * DAY, // a closed day's first and last instants
      midnight - 5 * DAY - 1,
      hour - 3 * DAY + 13 * HOUR, // a closed hour's first and last instants
      hour - 3 * DAY + 13 * HOUR - 1,
      hour, // the hour the report falls in, read live
      hour - 1,
      hour - 24 * HOUR, // the acknowledgement rate's first unsettled hour
      hour - 24 * HOUR - 1,
      hour - 3 * HOUR - 1, // Walmart: deadline passed, not acknowledged
    ];
    for (const channel of ['AMAZON', 'WALMART'] as const) {
      const orders = edges.flatMap((t) => [
        // Placed at the edge (order rates) ...
        anOrderAt(at(t), rnd, { shipments: [] }),
        // ... due at the edge (late shipment, on-time shipment), shipped late at the edge (valid tracking) and delivered.
        anOrderAt(at(t - DAY), rnd, {
          shipBy: at(t),
          deliverBy: at(t),
          shipments: [shipment(at(t), 'PENDING', at(t + HOUR))],
          status: 'SHIPPED',
        }),
        anOrderAt(at(t - DAY), rnd, {
          shipBy: at(t - HOUR),
          shipments: [shipment(at(t), validTrackingNumber('UPS'))],
          status: 'SHIPPED',
        }),
      ]);
      await insertOrders(app, accounts[channel], orders);
      const metrics = await bothWays(channel, asOf);
      expect(metrics.length).toBeGreaterThan(3);
    }
  });

  it('a past asOf reads the raw facts, not the counts kept as of now', async () => {
    // Placed 6 days ago and cancelled by the seller yesterday: a cancellation now, an open order as of 3 days ago.
    const id = await orderDaysAgo('AMAZON', 6, { shipments: [], status: 'ACKNOWLEDGED' });
    await outbox(accounts.AMAZON, id, 'CANCEL', new Date(Date.now() - DAY), 'NoInventory');
    const now = await bothWays('AMAZON');
    const pastAsOf = new Date(Date.now() - 3 * DAY);
    const past = await bothWays('AMAZON', pastAsOf);
    const pfcr = (metrics: ReportedMetric[]) =>
      metrics.find((m) => m.key === 'PRE_FULFILLMENT_CANCEL_RATE' && m.category === null)!;
    expect(pfcr(past).windowEnd).toEqual(pastAsOf);
    expect(pfcr(now).numerator).toBeGreaterThan(0);
  });
});
