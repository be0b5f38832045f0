import type { NormalizedOrder } from '@order-hub/types';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const HOUR = 3_600_000;

const LIST = `query List($filter: OrderFilter, $sort: OrderSort, $first: Int, $after: String) {
  orders(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    approximateCount { count exact }
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      matches { field value }
      node { id channelOrderId customerOrderId shipMethod shipMethodLabel expedited shipToState total { amountCents } status shipBy orderedAt shipTo { name } }
    }
  }
}`;

type Node = {
  id: string;
  channelOrderId: string;
  shipToState: string | null;
  total: { amountCents: number };
  shipTo: { name: string | null } | null;
  [k: string]: unknown;
};

const line = (sku: string): NormalizedOrder['lines'][number] => ({ ...anOrder().lines[0], sku });
// A null name stands for a copy without the buyer's name (sorting by customer puts it last).
const address = (name: string | null, state: string) => ({
  name: name as string,
  line1: '1 Main St',
  city: 'Somewhere',
  stateOrRegion: state,
  postalCode: '10001',
  countryCode: 'US',
});
const shipment = (trackingNumber: string): NormalizedOrder['shipments'][number] => ({
  carrier: 'UPS',
  service: 'Ground',
  trackingNumber,
  trackingUrl: null,
  shippedAt: new Date(Date.now() - 30 * HOUR),
  packageType: 'PARCEL',
  weightOz: null,
  lengthIn: null,
  widthIn: null,
  heightIn: null,
  lines: [{ lineNumber: '1', quantity: 1 }],
});

describe.each(testDatabases())('order filters, sorting and search matches on %s', (kind) => {
  let app: TestApp;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    app = await startTestApp(kind);
    const walmart = await anAccount(app, 'WALMART');
    const amazon = await anAccount(app, 'AMAZON');
    const t = (h: number) => new Date(Date.now() + h * HOUR);
    const orders: [typeof walmart, NormalizedOrder][] = [
      [
        walmart,
        anOrder({
          channelOrderId: 'F-W-1',
          customerOrderId: '5550001',
          shipMethod: 'Express',
          shipTo: address('Ada Lovelace', 'ca'),
          totalCents: 3000,
          orderedAt: t(-10),
          shipBy: t(30),
          lines: [line('MUG-RED'), { ...line('MUG-BLUE'), lineNumber: '2' }],
        }),
      ],
      [
        walmart,
        anOrder({
          channelOrderId: 'F-W-2',
          shipMethod: 'Value',
          shipTo: address('Grace Hopper', 'NY'),
          totalCents: 1000,
          orderedAt: t(-9),
          shipBy: null,
          cancellationRequested: true,
          lines: [line('CUP-RED')],
        }),
      ],
      [
        walmart,
        anOrder({
          channelOrderId: 'F-W-3',
          shipMethod: 'Standard',
          shipTo: address(null, 'CA'),
          totalCents: 2000,
          orderedAt: t(-8),
          shipBy: t(40),
          fulfillmentMethod: 'MCF',
          lines: [line('PLATE')],
        }),
      ],
      [
        amazon,
        anOrder({
          channelOrderId: '113-0000001-0000001',
          shipMethod: 'SECOND_DAY',
          shipTo: address('Alan Turing', 'TX'),
          totalCents: 2000,
          orderedAt: t(-7),
          shipBy: t(20),
          status: 'SHIPPED',
          lines: [line('mug-red')],
          shipments: [shipment('1Z999AA10123456784')],
        }),
      ],
    ];
    for (const [account, order] of orders) {
      const [id] = await insertOrders(app, account, [order]);
      ids.set(order.channelOrderId, id);
    }
    // A refusal standing on F-W-2 (as the outbox writes it; its own tests cover how) and a tracker with no scan on the Amazon order.
    await app.ds.query(
      `INSERT INTO outbox (account_id, order_id, operation, payload, idempotency_key, status, next_attempt_at, created_by, refused_at)
       SELECT account_id, id, 'ACKNOWLEDGE', '{}', 'refused-' || id, 'FAILED', now(), 'test', now() FROM "order" WHERE id = $1`,
      [ids.get('F-W-2')],
    );
    await app.ds.query(
      `INSERT INTO shipment_tracker (shipment_id, order_id, provider, provider_tracker_id, tracking_code, carrier, state, first_scan_at)
       SELECT s.id, s.order_id, 'EASYPOST', 'trk_' || replace(s.id::text, '-', ''), s.tracking_number, 'UPS', 'PENDING', NULL
         FROM shipment s WHERE s.order_id = $1`,
      [ids.get('113-0000001-0000001')],
    );
  });

  afterAll(() => app?.close());

  async function list(filter: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const res = await app.gql(LIST, { filter, first: 50, ...extra });
    expect(res.errors).toBeUndefined();
    return res.data!.orders as {
      totalCount: number;
      approximateCount: { count: number; exact: boolean };
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; matches: { field: string; value: string }[]; node: Node }[];
    };
  }
  const numbers = async (filter: Record<string, unknown>) =>
    (await list(filter)).edges.map((e) => e.node.channelOrderId).sort();

  it.each([
    [{ skus: ['mug-red'] }, ['113-0000001-0000001', 'F-W-1']],
    [{ skus: ['PLATE', 'cup-red'] }, ['F-W-2', 'F-W-3']],
    [{ shipMethods: ['express', 'Value'] }, ['F-W-1', 'F-W-2']],
    [{ shipToStates: ['CA'] }, ['F-W-1', 'F-W-3']],
    [{ shipToStates: ['tx', 'NY'] }, ['113-0000001-0000001', 'F-W-2']],
    [{ fulfillment: ['MCF'] }, ['F-W-3']],
    [{ buyerRequestedCancel: true }, ['F-W-2']],
    [{ channelRefused: true }, ['F-W-2']],
    [{ channelRefused: false, channel: 'WALMART' }, ['F-W-1', 'F-W-3']],
    [{ shippedNoScan: true }, ['113-0000001-0000001']],
    [{ skus: ['MUG-RED'], channel: 'WALMART', shipToStates: ['CA'] }, ['F-W-1']],
  ])('filters %j', async (filter, expected) => {
    expect(await numbers(filter)).toEqual(expected);
    const counted = await list(filter);
    expect(counted.totalCount).toBe(expected.length);
    expect(counted.approximateCount).toEqual({ count: expected.length, exact: true });
  });

  it('says why each order matched a search, for the page only', async () => {
    const byName = await list({ search: 'LOVEL' });
    expect(byName.edges.map((e) => [e.node.channelOrderId, e.matches])).toEqual([
      ['F-W-1', [{ field: 'CUSTOMER_NAME', value: 'Ada Lovelace' }]],
    ]);
    const bySku = await list({ search: 'mug-r' });
    expect(bySku.edges.map((e) => [e.node.channelOrderId, e.matches])).toEqual([
      ['113-0000001-0000001', [{ field: 'SKU', value: 'mug-red' }]],
      ['F-W-1', [{ field: 'SKU', value: 'MUG-RED' }]],
    ]);
    const byTracking = await list({ search: '1z999aa1 0123456784' });
    expect(byTracking.edges.map((e) => [e.node.channelOrderId, e.matches])).toEqual([
      ['113-0000001-0000001', [{ field: 'TRACKING_NUMBER', value: '1Z999AA10123456784' }]],
    ]);
    const byCustomerOrder = await list({ search: '5550001' });
    expect(byCustomerOrder.edges.map((e) => [e.node.channelOrderId, e.matches])).toEqual([
      ['F-W-1', [{ field: 'CUSTOMER_ORDER_NUMBER', value: '5550001' }]],
    ]);
    const byNumberPart = await list({ search: 'f-w-' });
    expect(byNumberPart.edges.map((e) => e.matches)).toEqual([
      [{ field: 'ORDER_NUMBER', value: 'F-W-3' }],
      [{ field: 'ORDER_NUMBER', value: 'F-W-2' }],
      [{ field: 'ORDER_NUMBER', value: 'F-W-1' }],
    ]);
    expect((await list({})).edges.every((e) => e.matches.length === 0)).toBe(true);
  });

  it('matches short terms only whole', async () => {
    expect(await numbers({ search: 'mu' })).toEqual([]);
    expect((await list({ search: 'ca' })).totalCount).toBe(0);
  });

  it('gives the ship method in words, whether it is expedited, and the ship-to state', async () => {
    const nodes = new Map((await list({})).edges.map((e) => [e.node.channelOrderId, e.node]));
    expect(nodes.get('F-W-1')).toMatchObject({
      shipMethodLabel: 'Express (two-day)',
      expedited: true,
      shipToState: 'ca',
    });
    expect(nodes.get('F-W-2')).toMatchObject({ shipMethodLabel: 'Value', expedited: false, shipToState: 'NY' });
    expect(nodes.get('113-0000001-0000001')).toMatchObject({ shipMethodLabel: 'Two-day', expedited: true });
  });

  const SORTS: [string, string, (n: Node) => string | number | null][] = [
    ['ORDER_NUMBER', 'ASC', (n) => n.channelOrderId],
    ['TOTAL', 'DESC', (n) => n.total.amountCents],
    ['CUSTOMER', 'ASC', (n) => n.shipTo?.name ?? null],
    ['SHIP_BY', 'DESC', (n) => (n.shipBy as string | null) ?? null],
    ['SHIP_TO_STATE', 'ASC', (n) => n.shipToState],
    ['STATUS', 'DESC', (n) => n.status as string],
    ['ORDERED_AT', 'ASC', (n) => n.orderedAt as string],
  ];

  it.each(SORTS)('sorts by %s %s one row per page, each order once, nulls last', async (field, direction, key) => {
    const sort = { field, direction };
    const seen: Node[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const page = await list({}, { sort, first: 1, after });
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.map((n) => n.id).sort()).toEqual([...ids.values()].sort());
    const keys = seen.map(key);
    const present = keys.filter((k) => k !== null);
    expect(keys.slice(present.length).every((k) => k === null)).toBe(true);
    const cmp = (a: string | number, b: string | number) =>
      typeof a === 'number' ? a - (b as number) : a < b ? -1 : a > b ? 1 : 0;
    for (let i = 1; i < present.length; i++) {
      const order = cmp(present[i - 1], present[i]);
      expect(direction === 'ASC' ? order <= 0 : order >= 0).toBe(true);
    }
  });

  it('refuses a cursor from another sort, naming the field', async () => {
    const page = await list({}, { sort: { field: 'TOTAL', direction: 'ASC' }, first: 1 });
    const res = await app.gql(LIST, {
      filter: {},
      sort: { field: 'TOTAL', direction: 'DESC' },
      first: 1,
      after: page.pageInfo.endCursor,
    });
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringContaining('after'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const garbage = await app.gql(LIST, { filter: {}, first: 1, after: 'not-a-cursor' });
    expect(garbage.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('finds an order by its channel and number, and says null for an unknown one or another channel', async () => {
    const Q = `query($channel: Channel!, $number: String!) { orderByNumber(channel: $channel, number: $number) { id channelOrderId } }`;
    expect((await app.gql(Q, { channel: 'WALMART', number: 'F-W-1' })).data!.orderByNumber).toEqual({
      id: ids.get('F-W-1'),
      channelOrderId: 'F-W-1',
    });
    expect((await app.gql(Q, { channel: 'WALMART', number: '5550001' })).data!.orderByNumber.channelOrderId).toBe(
      'F-W-1',
    );
    expect((await app.gql(Q, { channel: 'AMAZON', number: 'F-W-1' })).data!.orderByNumber).toBeNull();
    expect((await app.gql(Q, { channel: 'WALMART', number: 'NO-SUCH' })).data!.orderByNumber).toBeNull();
    const blank = await app.gql(Q, { channel: 'WALMART', number: '  ' });
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers a non-UUID order id with a clear BAD_USER_INPUT', async () => {
    const res = await app.gql(`{ order(id: "walmart-123") { id } }`);
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringContaining('UUID'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
