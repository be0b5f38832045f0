import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { PushLedger } from '../src/modules/push/ledger/push-ledger.service';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, type ConnectedAccount } from './support/sync-helpers';
import { until } from './support/wait';

/**
 * PUBLIC_URL must be known before the hub starts, and the hub listens on a free port: this relay on a port of its
 * own forwards every request, byte for byte, to the hub once it is up.
 */
async function startRelay() {
  let target = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && k !== 'host' && k !== 'connection'),
      ) as Record<string, string>;
      fetch(`${target}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) })
        .then(async (r) => res.writeHead(r.status, { 'content-type': 'application/json' }).end(await r.text()))
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwardTo: (url: string) => (target = url),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const PUSH = 'state webhookUrl lastEventAt lastTestAt eventsToday';

describe.each(testDatabases())('Walmart order pushes through the webhook route on %s', (kind) => {
  let sandbox: Sandbox;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let app: TestApp;
  let account: ConnectedAccount;

  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sandbox.controlBaseUrl}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, any>>;
  };
  const gql = async (query: string) => {
    const res = await app.gql(query, { id: account.hubId });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };
  const rows = (where: string, params: unknown[] = []): Promise<Record<string, any>[]> =>
    app.ds.query(`SELECT event_id, kind, channel_order_id, outcome, reason FROM push_event WHERE ${where}`, params);
  const eventsOf = (po: string) => rows('account_id = $1 AND channel_order_id = $2', [account.hubId, po]);
  const pushCount = async () => (await rows('true')).length;
  const hubOrder = async (po: string): Promise<{ id: string; status: string } | undefined> => {
    const res = await app.gql(
      `query($f: OrderFilter) { orders(filter: $f, first: 5) { edges { node { id channelOrderId status } } } }`,
      { f: { accountId: account.hubId, search: po } },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.orders.edges.map((e: any) => e.node).find((o: any) => o.channelOrderId === po);
  };
  const newOrder = (seed: number) =>
    sandbox.generateOrders({ accountId: account.sandboxAccountId, count: 1, seed, placedWithinHours: 0.05 })
      .orderIds[0];
  const envelope = (purchaseOrderId: string) =>
    JSON.stringify({
      source: {
        eventType: 'ORDER_UPDATES',
        eventVersion: 'V1',
        eventTime: new Date().toISOString(),
        eventId: randomUUID(),
      },
      payload: { subEventType: 'PO_CREATED', partnerId: '1', order: { purchaseOrderId } },
    });
  const post = async (accountId: string, body: string, signature: string | null) =>
    fetch(`${app.baseUrl}/push/${accountId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-orderhub-signature': signature } : {}) },
      body,
    });
  const signed = async (body: string) => {
    const secret = await app.running.app.get(PushLedger).webhookSecret(account.hubId);
    return post(account.hubId, body, createHmac('sha256', secret!).update(body).digest('hex'));
  };

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 21, throttling: { rateScale: 1000 } });
    relay = await startRelay();
    // SYNC_ENABLED stays false (the test app's default): only the pushes bring orders in.
    app = await startTestApp(kind, { PUBLIC_URL: relay.url, CHANNEL_RATE_SCALE: '1000', CHANNEL_RETRY_BASE_MS: '10' });
    relay.forwardTo(app.baseUrl);
    account = await connectSandboxAccount(app, sandbox, 'WALMART', 'Walmart webhooks', true);
    const data = await gql(`mutation($id: ID!) { subscribePush(accountId: $id) { push { ${PUSH} } } }`);
    expect(data.subscribePush.push).toMatchObject({
      state: 'ACTIVE',
      webhookUrl: `${relay.url}/push/${account.hubId}`,
    });
  });
  afterAll(async () => {
    await app?.close();
    await relay?.close();
    await sandbox?.close();
  });
  afterEach(() => {
    expect(sandbox.contractViolations()).toMatchObject({ requestsRefused: 0, responseViolations: 0 });
  });

  it('brings a new Walmart order into the hub through its ORDER_UPDATES webhook, with polling off', async () => {
    const po = newOrder(1);
    const order = await until(
      'the pushed order in the hub',
      () => hubOrder(po),
      (o) => o?.status === 'ACKNOWLEDGED',
      15_000,
    );
    expect(order).toBeDefined();
    expect(await eventsOf(po)).toEqual([expect.objectContaining({ kind: 'ORDER_CREATED', outcome: 'STORED' })]);
    const data = await gql(`query { channelAccounts { id push { ${PUSH} } } }`);
    expect(data.channelAccounts.find((a: any) => a.id === account.hubId).push.lastEventAt).not.toBeNull();
  });

  it('stores a delivery Walmart sends twice once', async () => {
    await control('PUT', '/walmart/webhooks/faults', { accountId: account.sandboxAccountId, duplicate: 1 });
    const po = newOrder(2);
    const delivered = await until(
      'both deliveries answered',
      async () =>
        (await control('GET', `/walmart/webhooks/deliveries?accountId=${account.sandboxAccountId}`)).deliveries.filter(
          (d: any) => d.purchaseOrderId === po && d.status === 200,
        ),
      (d) => d.length === 2,
    );
    expect(delivered[0].eventId).toBe(delivered[1].eventId);
    await until(
      'the order stored',
      () => eventsOf(po),
      (r) => r[0]?.outcome === 'STORED',
    );
    expect(await eventsOf(po)).toHaveLength(1);
    await control('DELETE', `/walmart/webhooks/faults?accountId=${account.sandboxAccountId}`);
  });

  it('refuses a bad or missing signature with 401 and an unknown account with 404, storing nothing', async () => {
    const before = await pushCount();
    const body = envelope('1080000000003');
    expect((await post(account.hubId, body, createHmac('sha256', 'guess').update(body).digest('hex'))).status).toBe(
      401,
    );
    expect((await post(account.hubId, body, null)).status).toBe(401);
    expect((await post(randomUUID(), body, 'whatever')).status).toBe(404);
    expect((await post('not-an-account', body, 'whatever')).status).toBe(404);
    expect(await pushCount()).toBe(before);
  });

  it('keeps a signed delivery it cannot read as MALFORMED once, answered 200', async () => {
    const body = JSON.stringify({ source: { eventType: 'ORDER_UPDATES' }, payload: {} });
    for (let i = 0; i < 2; i += 1) {
      const res = await signed(body);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ received: 0 });
    }
    const malformed = await rows(`account_id = $1 AND outcome = 'MALFORMED'`, [account.hubId]);
    expect(malformed).toEqual([expect.objectContaining({ reason: 'source.eventId is missing' })]);
    expect(malformed[0].event_id).toMatch(/^malformed:[0-9a-f]{64}$/);
  });

  it('creates no order for a push naming an order Walmart does not have', async () => {
    const po = '1089999999999';
    const res = await signed(envelope(po));
    expect(await res.json()).toEqual({ received: 1 });
    await until(
      'NOT_FOUND',
      () => eventsOf(po),
      (r) => r[0]?.outcome === 'NOT_FOUND',
    );
    expect(await hubOrder(po)).toBeUndefined();
  });

  it("records Walmart's test event and the time of the test", async () => {
    const data = await gql(`mutation($id: ID!) { sendPushTest(accountId: $id) { push { ${PUSH} } } }`);
    expect(data.sendPushTest.push.lastTestAt).not.toBeNull();
    expect(await rows(`account_id = $1 AND kind = 'TEST'`, [account.hubId])).toEqual([
      expect.objectContaining({ outcome: 'TEST', channel_order_id: null }),
    ]);
  });
});
