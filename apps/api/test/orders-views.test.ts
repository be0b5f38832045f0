import { generateSyntheticOrders } from './support/synthetic/synthetic-orders';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const HOUR = 3_600_000;
const VIEWS = ['NEW', 'DUE_TODAY', 'PAST_DUE', 'AT_RISK', 'ALL'] as const;
/** Twelve hours apart: whatever the hour, one of them has more than two hours of its day left. */
const ROOMY_ZONES = ['America/Chicago', 'Asia/Shanghai'];

const LIST = `query List($filter: OrderFilter, $first: Int, $after: String) {
  orders(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id channelOrderId status shipBy orderedAt } }
  }
}`;

/** Local calendar date of an instant in a time zone: the test's own oracle for "today". */
const localDate = (d: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);

describe.each(testDatabases())('order inbox views on %s', (kind) => {
  let app: TestApp;
  const named = new Map<string, string>(); // channelOrderId -> expected views

  beforeAll(async () => {
    app = await startTestApp(kind);
    const walmart = await anAccount(app, 'WALMART');
    const amazon = await anAccount(app, 'AMAZON');
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms);
    const cases: [string, 'W' | 'A', Partial<Parameters<typeof anOrder>[0]>, string][] = [
      [
        'W-NEW-FRESH',
        'W',
        { status: 'CREATED', acknowledgedAt: null, orderedAt: at(-1 * HOUR), shipBy: at(72 * HOUR) },
        'NEW ALL',
      ],
      [
        'W-NEW-ACK-LATE',
        'W',
        { status: 'CREATED', acknowledgedAt: null, orderedAt: at(-5 * HOUR), shipBy: at(72 * HOUR) },
        'NEW AT_RISK ALL',
      ],
      ['W-LATE', 'W', { status: 'ACKNOWLEDGED', shipBy: at(-2 * HOUR) }, 'PAST_DUE AT_RISK ALL'],
      // New but already late: past due, not new (the three are disjoint, as in Seller Center).
      [
        'W-NEW-LATE',
        'W',
        { status: 'CREATED', acknowledgedAt: null, orderedAt: at(-50 * HOUR), shipBy: at(-45 * HOUR) },
        'PAST_DUE AT_RISK ALL',
      ],
      // New and due in a minute: due today (unless the account's day ends within that minute: then new).
      [
        'W-NEW-DUE-SOON',
        'W',
        { status: 'CREATED', acknowledgedAt: null, orderedAt: at(-1 * HOUR), shipBy: at(60_000) },
        localDate(at(60_000), 'America/Los_Angeles') === localDate(at(0), 'America/Los_Angeles')
          ? 'DUE_TODAY ALL'
          : 'NEW ALL',
      ],
      ['W-SHIPPED-LATE', 'W', { status: 'SHIPPED', shipBy: at(-2 * HOUR) }, 'ALL'],
      ['W-WFS-LATE', 'W', { status: 'ACKNOWLEDGED', fulfillmentMethod: 'CHANNEL', shipBy: at(-2 * HOUR) }, 'ALL'],
      ['A-LATE-PARTIAL', 'A', { status: 'PARTIALLY_SHIPPED', shipBy: at(-24 * HOUR) }, 'PAST_DUE AT_RISK ALL'],
      ['A-PENDING', 'A', { status: 'PENDING', acknowledgedAt: null, shipBy: at(-1 * HOUR) }, 'ALL'],
      ['A-LATER', 'A', { status: 'ACKNOWLEDGED', shipBy: at(5 * 24 * HOUR) }, 'ALL'],
      ['A-CANCELLED', 'A', { status: 'CANCELLED', shipBy: at(-30 * HOUR) }, 'ALL'],
    ];
    for (const [id, ch, overrides, views] of cases) {
      await insertOrders(app, ch === 'W' ? walmart : amazon, [anOrder({ channelOrderId: id, ...overrides })]);
      named.set(id, views);
    }
  });

  afterAll(() => app?.close());

  async function idsIn(view: string, filter: Record<string, unknown> = {}): Promise<string[]> {
    const res = await app.gql(LIST, { filter: { view, ...filter }, first: 200 });
    expect(res.errors).toBeUndefined();
    return res.data!.orders.edges.map((e: { node: { channelOrderId: string } }) => e.node.channelOrderId).sort();
  }

  it.each(VIEWS)('puts exactly the right orders in %s', async (view) => {
    const expected = [...named]
      .filter(([, views]) => views.split(' ').includes(view))
      .map(([id]) => id)
      .sort();
    expect(await idsIn(view)).toEqual(expected);
  });

  it('counts every view in one call, equal to each list total', async () => {
    const counts = await app.gql(`{ orderViewCounts { view count } }`);
    for (const { view, count } of counts.data!.orderViewCounts) {
      const list = await app.gql(LIST, { filter: { view }, first: 1 });
      expect({ view, count }).toEqual({ view, count: list.data!.orders.totalCount });
    }
  });

  it('filters by channel, account, status and search', async () => {
    expect(await idsIn('ALL', { channel: 'AMAZON' })).toEqual([
      'A-CANCELLED',
      'A-LATE-PARTIAL',
      'A-LATER',
      'A-PENDING',
    ]);
    expect(await idsIn('ALL', { statuses: ['CREATED', 'PENDING'] })).toEqual([
      'A-PENDING',
      'W-NEW-ACK-LATE',
      'W-NEW-DUE-SOON',
      'W-NEW-FRESH',
      'W-NEW-LATE',
    ]);
    expect(await idsIn('AT_RISK', { channel: 'WALMART' })).toEqual(['W-LATE', 'W-NEW-ACK-LATE', 'W-NEW-LATE']);
    expect(await idsIn('ALL', { search: 'late-par' })).toEqual(['A-LATE-PARTIAL']);
    const accounts = await app.gql(`{ channelAccounts { id channel } }`);
    const walmartId = accounts.data!.channelAccounts.find((a: { channel: string }) => a.channel === 'WALMART').id;
    expect(await idsIn('PAST_DUE', { accountId: walmartId })).toEqual(['W-LATE', 'W-NEW-LATE']);
  });
});

describe.each(testDatabases())('order search, paging and time zones on %s', (kind) => {
  let app: TestApp;
  const zones = { WALMART: 'Pacific/Pago_Pago', AMAZON: 'Pacific/Kiritimati' } as const; // UTC-11 and UTC+14

  beforeAll(async () => {
    app = await startTestApp(kind);
    const now = new Date();
    for (const channel of ['WALMART', 'AMAZON'] as const) {
      const account = await anAccount(app, channel, zones[channel]);
      await insertOrders(app, account, generateSyntheticOrders(channel, 90, channel === 'WALMART' ? 1 : 2, now));
    }
    // Orders due within the hour in a zone whose day has hours left, so 'due today' has more than a page at any
    // hour the suite runs (the synthetic zones' days both end near 10:00 UTC).
    const roomy = ROOMY_ZONES.find(
      (zone) => localDate(new Date(now.getTime() + 2 * HOUR), zone) === localDate(now, zone),
    )!;
    const dueSoon = await anAccount(app, 'WALMART', roomy);
    await insertOrders(
      app,
      dueSoon,
      Array.from({ length: 6 }, (_, i) =>
        anOrder({
          channelOrderId: `DUE-SOON-${i}`,
          status: 'ACKNOWLEDGED',
          shipBy: new Date(now.getTime() + (10 + i * 5) * 60_000),
        }),
      ),
    );
    const walmart = await anAccount(app, 'WALMART', 'America/New_York');
    await insertOrders(app, walmart, [
      anOrder({
        channelOrderId: 'FINDME-PO-42',
        shipTo: {
          name: 'Zelda Quintero',
          line1: '9 Elm',
          city: 'Boise',
          stateOrRegion: 'ID',
          postalCode: '83702',
          countryCode: 'US',
        },
        lines: [{ ...anOrder().lines[0], sku: 'UNIQUE-SKU-777' }],
        status: 'SHIPPED',
        shipments: [
          {
            carrier: 'UPS',
            service: 'Ground',
            trackingNumber: '1Z999AA10123456784',
            trackingUrl: null,
            shippedAt: new Date(),
            packageType: 'PARCEL',
            weightOz: 10,
            lengthIn: 10,
            widthIn: 8,
            heightIn: 4,
            lines: [{ lineNumber: '1', quantity: 1 }],
          },
        ],
      }),
    ]);
  });

  afterAll(() => app?.close());

  it.each([['FINDME-PO'], ['zelda quint'], ['unique-sku-777'], ['1z999aa10123456784'], ['1Z999AA1 0123456784']])(
    'finds the order by %s',
    async (search) => {
      const res = await app.gql(LIST, { filter: { search }, first: 10 });
      expect(res.data!.orders.edges.map((e: { node: { channelOrderId: string } }) => e.node.channelOrderId)).toEqual([
        'FINDME-PO-42',
      ]);
    },
  );

  it('treats LIKE wildcards in a search as plain text', async () => {
    const res = await app.gql(LIST, { filter: { search: '%' }, first: 10 });
    expect(res.data!.orders.totalCount).toBe(0);
  });

  it.each([
    ['ALL', 7],
    ['DUE_TODAY', 4],
    ['AT_RISK', 6],
  ])('pages through %s %i at a time, each order once, in the view order', async (view, first) => {
    const seen: { id: string; shipBy: string; orderedAt: string }[] = [];
    let after: string | null = null;
    let total = -1;
    for (let guard = 0; guard < 100; guard++) {
      const res: any = await app.gql(LIST, { filter: { view }, first, after });
      expect(res.errors).toBeUndefined();
      total = res.data.orders.totalCount;
      seen.push(...res.data.orders.edges.map((e: { node: any }) => e.node));
      expect(res.data.orders.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!res.data.orders.pageInfo.hasNextPage) break;
      after = res.data.orders.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(first);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((o) => o.id)).size).toBe(total);
    const keys = seen.map((o) => (view === 'ALL' ? o.orderedAt : o.shipBy));
    const sorted = [...keys].sort();
    expect(keys).toEqual(view === 'ALL' ? sorted.reverse() : sorted);
  });

  it("counts 'due today' in each account's own time zone", async () => {
    const res = await app.gql(
      `{ orders(filter: { view: ALL }, first: 200) { edges { node { channelOrderId status fulfillmentMethod shipBy account { timeZone } } } } }`,
    );
    const due = await app.gql(LIST, { filter: { view: 'DUE_TODAY' }, first: 200 });
    const now = new Date();
    const open = new Set(['CREATED', 'ACKNOWLEDGED', 'PARTIALLY_SHIPPED']);
    const expected = res
      .data!.orders.edges.map((e: { node: any }) => e.node)
      .filter((o: any) => open.has(o.status) && o.fulfillmentMethod !== 'CHANNEL' && o.shipBy)
      .filter((o: any) => new Date(o.shipBy) >= now)
      .filter((o: any) => localDate(new Date(o.shipBy), o.account.timeZone) === localDate(now, o.account.timeZone))
      .map((o: any) => o.channelOrderId)
      .sort();
    expect(due.data!.orders.edges.map((e: any) => e.node.channelOrderId).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});
