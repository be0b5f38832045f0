import { SessionsService } from '../src/modules/auth/sessions/sessions.service';
import { SESSION_COOKIE, CSRF_HEADER } from '../src/modules/auth/sessions/session-cookie';
import { csrfTokenFor } from '../src/modules/auth/sessions/session-secret';
import { ACCESS_CSV_HEADER } from '../src/modules/buyer-data/access/buyer-data-access-csv.controller';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const ORDER_PAGE = `query($id: ID!) { order(id: $id) { id shipTo { name line1 city } rawPayload } }`;
const LOG = `query($filter: BuyerDataAccessFilter!, $first: Int, $after: String) {
  buyerDataAccessLog(filter: $filter, first: $first, after: $after) {
    edges { cursor node { actor userId tokenId orderId channel channelOrderId fields via ip occurredAt } }
    pageInfo { hasNextPage endCursor } csvPath } }`;

describe.each(testDatabases())('buyer data access log on %s', (kind) => {
  let app: TestApp;
  let orderIds: string[];
  let viewer: string;
  let operator: string;
  let operatorUserId: string;
  let session: { cookie: string; csrf: string };
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const to = () => new Date(Date.now() + 60_000).toISOString();

  const token = async (name: string, role: string) =>
    (
      await app.gql(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`, {
        input: { name, role },
      })
    ).data!.createApiToken.token as string;

  /** A GraphQL request from the console: the session cookie and its CSRF token. */
  async function asSession(query: string, variables: Record<string, unknown>) {
    const res = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, [CSRF_HEADER]: session.csrf },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: any[] };
  }

  const logRows = async (orderId: string) =>
    app.ds.query(
      `SELECT actor, user_id, token_id, fields, via, ip, occurred_at FROM buyer_data_access WHERE order_id = $1`,
      [orderId],
    );

  beforeAll(async () => {
    app = await startTestApp(kind);
    const amazon = await anAccount(app, 'AMAZON', 'UTC');
    orderIds = await insertOrders(app, amazon, [
      anOrder({
        channelOrderId: 'LOG-1',
        status: 'SHIPPED',
        shipments: [
          {
            carrier: 'UPS',
            service: null,
            trackingNumber: validTrackingNumber('UPS'),
            trackingUrl: null,
            shippedAt: new Date(Date.now() - 86_400_000),
            packageType: 'PARCEL',
            weightOz: null,
            lengthIn: null,
            widthIn: null,
            heightIn: null,
            lines: [{ lineNumber: '1', quantity: 1 }],
          },
        ],
      }),
      anOrder({ channelOrderId: 'LOG-2' }),
      anOrder({ channelOrderId: 'LOG-3' }),
    ]);
    viewer = await token('auditor', 'VIEWER');
    operator = await token('warehouse scanner', 'OPERATOR');
    // A person signed in to the console (second factor done: an Amazon account asks for MFA).
    const [user]: { id: string }[] = await app.ds.query(
      `INSERT INTO app_user (email, email_key, name, role, status, totp_enabled_at, created_by)
       VALUES ('Ops.Person@Seller.example', 'ops.person@seller.example', 'Ops Person', 'OPERATOR', 'ACTIVE', now(), 'test') RETURNING id`,
    );
    operatorUserId = user.id;
    const created = await app.running.app
      .get(SessionsService)
      .create({ id: user.id }, { method: 'PASSWORD', secondFactorPassed: true, ip: '127.0.0.1', userAgent: 'jest' });
    session = { cookie: `${SESSION_COOKIE}=${created.secret}`, csrf: csrfTokenFor(created.secret) };
  }, 120_000);
  afterAll(() => app?.close());

  it("logs a signed-in person's read of an order's address and raw order as one row naming them", async () => {
    const res = await asSession(ORDER_PAGE, { id: orderIds[0] });
    expect(res.errors).toBeUndefined();
    expect(res.data!.order.shipTo.name).toBe('Test Buyer');
    const rows = await logRows(orderIds[0]);
    expect(rows).toEqual([
      expect.objectContaining({
        actor: 'user:Ops.Person@Seller.example',
        user_id: operatorUserId,
        token_id: null,
        fields: 'rawPayload,shipTo',
        via: 'GRAPHQL',
        ip: '127.0.0.1',
      }),
    ]);
  });

  it('writes one INSERT for a list of orders (one statement time), with the token as actor', async () => {
    const res = await app.gql(`query { orders(first: 10) { edges { node { id shipTo { name } } } } }`, {}, operator);
    expect(res.errors).toBeUndefined();
    expect(res.data!.orders.edges).toHaveLength(3);
    const rows: { order_id: string; actor: string; fields: string; occurred_at: Date }[] = await app.ds.query(
      `SELECT order_id, actor, fields, occurred_at FROM buyer_data_access WHERE actor = 'token:warehouse scanner'`,
    );
    expect(rows.map((r) => r.order_id).sort()).toEqual([...orderIds].sort());
    expect(rows.every((r) => r.fields === 'shipTo')).toBe(true);
    // now() is the statement's transaction time: one INSERT gives every row the same instant.
    expect(new Set(rows.map((r) => new Date(r.occurred_at).getTime())).size).toBe(1);
  });

  it("logs the evidence page's address fields; a page without buyer data fields logs nothing", async () => {
    const before = (await logRows(orderIds[0])).length;
    const evidence = await app.gql(
      `query($id: ID!) { orderEvidence(orderId: $id) { order { id } shipments { trackingNumber tracking { shipTo } } } }`,
      { id: orderIds[0] },
      viewer,
    );
    expect(evidence.errors).toBeUndefined();
    const rows = await logRows(orderIds[0]);
    expect(rows).toHaveLength(before + 1);
    expect(rows).toContainEqual(expect.objectContaining({ actor: 'token:auditor', fields: 'evidence.shipments' }));

    await app.gql(`query($id: ID!) { order(id: $id) { id status } }`, { id: orderIds[1] }, viewer);
    expect(await logRows(orderIds[1])).toEqual([expect.objectContaining({ actor: 'token:warehouse scanner' })]);
  });

  it('lists the log for admins, newest first, by person and by order, page by page', async () => {
    const all = await app.gql(LOG, { filter: { from, to: to() }, first: 2 });
    expect(all.errors).toBeUndefined();
    const page1 = all.data!.buyerDataAccessLog;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.csvPath).toMatch(/^\/api\/buyer-data-access\.csv\?from=.*&to=/);
    const rest = await app.gql(LOG, { filter: { from, to: to() }, first: 200, after: page1.pageInfo.endCursor });
    const seen = [...page1.edges, ...rest.data!.buyerDataAccessLog.edges].map((e: any) => e.node);
    expect(seen).toHaveLength(5);
    const times = seen.map((n: any) => Date.parse(n.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const mine = await app.gql(LOG, { filter: { from, to: to(), userId: operatorUserId } });
    expect(mine.data!.buyerDataAccessLog.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({
        actor: 'user:Ops.Person@Seller.example',
        orderId: orderIds[0],
        channel: 'AMAZON',
        channelOrderId: 'LOG-1',
        fields: ['rawPayload', 'shipTo'],
      }),
    ]);
    const oneOrder = await app.gql(LOG, { filter: { from, to: to(), orderId: orderIds[2] } });
    expect(oneOrder.data!.buyerDataAccessLog.edges).toHaveLength(1);
  });

  it('refuses the log to non-admins and a bad range with the field and the rule', async () => {
    for (const t of [viewer, operator]) {
      const res = await app.gql(LOG, { filter: { from, to: to() } }, t);
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    const backwards = await app.gql(LOG, { filter: { from: to(), to: from } });
    expect(backwards.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(backwards.errors?.[0].message).toBe('filter.to: must be after from.');
    const cursor = await app.gql(LOG, { filter: { from, to: to() }, after: 'bm90IGEgY3Vyc29y' });
    expect(cursor.errors?.[0].message).toMatch(/^after: /);
  });

  it('exports the range as CSV for admins only', async () => {
    const url = `${app.baseUrl}/api/buyer-data-access.csv?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to())}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${app.adminToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="buyer-data-access-/);
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe(ACCESS_CSV_HEADER.join(','));
    expect(lines).toHaveLength(1 + 5);
    expect(lines.filter((l) => l.includes('user:Ops.Person@Seller.example'))).toHaveLength(1);
    expect(lines.find((l) => l.includes('user:Ops.Person@Seller.example'))).toContain(
      ',LOG-1,"rawPayload,shipTo",GRAPHQL,127.0.0.1',
    );

    const refused = await fetch(url, { headers: { authorization: `Bearer ${operator}` } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe(
      'The buyer data access log needs the ADMIN role.',
    );
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    const bad = await fetch(`${app.baseUrl}/api/buyer-data-access.csv?to=${encodeURIComponent(to())}`, {
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toBe('from: must be a date-time (ISO 8601).');
  });

  it("logs a read of an MCF order's payload (it holds the buyer's address), not of other channel calls", async () => {
    const [order] = await app.ds.query(`SELECT account_id FROM "order" WHERE id = $1`, [orderIds[2]]);
    for (const [operation, payload] of [
      ['MCF_CREATE', { destinationAddress: { name: 'Test Buyer', addressLine1: '1 Test St' } }],
      ['ACKNOWLEDGE', { channelOrderId: 'LOG-3' }],
    ] as const)
      await app.ds.query(
        `INSERT INTO outbox (account_id, order_id, operation, payload, idempotency_key, status, next_attempt_at, created_by)
         VALUES ($1, $2, $3, $4, $5, 'DELIVERED', now(), 'test')`,
        [order.account_id, orderIds[2], operation, JSON.stringify(payload), `log-${operation}`],
      );
    const before = (await logRows(orderIds[2])).length;
    const res = await app.gql(
      `query($id: ID!) { order(id: $id) { outbox { operation payload } } }`,
      { id: orderIds[2] },
      viewer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.order.outbox).toHaveLength(2);
    const rows = await logRows(orderIds[2]);
    expect(rows).toHaveLength(before + 1);
    expect(rows).toContainEqual(expect.objectContaining({ actor: 'token:auditor', fields: 'outbox.payload' }));
  });
});
