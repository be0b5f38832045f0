import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { mapWalmartOrder } from '../src/modules/channels/walmart/walmart-order.mapper';
import type { WalmartOrder } from '../src/modules/channels/walmart/walmart-order.types';
import { ChannelAccountsService } from '../src/modules/channels/channel-accounts.service';
import { OrderImportService } from '../src/modules/orders/order-import.service';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, hubOrderIds, syncAndWait, syncState, waitForPull } from './support/sync-helpers';

/** Plain Walmart API calls, as the seller's other tools would make them. */
async function walmart(
  sandbox: Sandbox,
  creds: { clientId: string; clientSecret: string },
  method: string,
  path: string,
) {
  const headers = { 'WM_QOS.CORRELATION_ID': 'test', 'WM_SVC.NAME': 'Walmart Marketplace', accept: 'application/json' };
  const token = await fetch(`${sandbox.walmartBaseUrl}/v3/token`, {
    method: 'POST',
    headers: {
      ...headers,
      authorization: `Basic ${Buffer.from(`${creds.clientId}:${creds.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const res = await fetch(`${sandbox.walmartBaseUrl}${path}`, {
    method,
    headers: { ...headers, 'WM_SEC.ACCESS_TOKEN': token.access_token },
  });
  const body = (await res.json()) as { order: WalmartOrder };
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

describe.each(testDatabases())('Walmart order sync from the sandbox on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 7, throttling: { rateScale: 1000 } });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000', CHANNEL_TIMEOUT_MS: '1500' });
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('backfills thousands of orders across pages, WFS ones read-only as channel-fulfilled, then pulls only what changed', async () => {
    const account = await connectSandboxAccount(app, sandbox, 'WALMART', 'Walmart backfill');
    const generated = sandbox.generateOrders({ accountId: account.sandboxAccountId, count: 2500, seed: 11 }).orderIds;

    const state = await syncAndWait(app, account.hubId);
    expect(state).toMatchObject({
      phase: 'INCREMENTAL',
      lastError: null,
      ordersImported: 2500,
      ordersUpdated: 0,
      backfillProgress: 1,
    });
    expect(state.pagesDone).toBeGreaterThanOrEqual(13);
    expect(await hubOrderIds(app, account.hubId)).toEqual([...generated].sort());

    const byNode: { node: string; method: string; n: string }[] = await app.ds.query(
      `SELECT raw_payload->'shipNode'->>'type' AS node, fulfillment_method AS method, count(*) AS n FROM "order" WHERE account_id = $1 GROUP BY 1, 2 ORDER BY 1`,
      [account.hubId],
    );
    expect(byNode.map((r) => [r.node, r.method])).toEqual([
      ['SellerFulfilled', 'MERCHANT'],
      ['WFSFulfilled', 'CHANNEL'],
    ]);

    // The seller acknowledges one order elsewhere and receives 30 new ones.
    const created: { channel_order_id: string }[] = await app.ds.query(
      `SELECT channel_order_id FROM "order" WHERE account_id = $1 AND status = 'CREATED' LIMIT 1`,
      [account.hubId],
    );
    const po = created[0].channel_order_id;
    const sellerCreds = await app.running.app.get(ChannelAccountsService).credentialsOf(account.hubId);
    await walmart(
      sandbox,
      sellerCreds as { clientId: string; clientSecret: string },
      'POST',
      `/v3/orders/${po}/acknowledge`,
    );
    // New orders arrive with the channel's current time; the pull re-reads the overlap before its watermark.
    const fresh = sandbox.generateOrders({
      accountId: account.sandboxAccountId,
      count: 30,
      seed: 12,
      placedWithinHours: 0.05,
    }).orderIds;

    // Walmart filters by whole seconds: a change in the current second is read by the next pull.
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 5));
    const next = await syncAndWait(app, account.hubId);
    expect(next).toMatchObject({ lastError: null, ordersImported: 2530 });
    expect(next.ordersUpdated).toBeGreaterThanOrEqual(1);
    expect(await hubOrderIds(app, account.hubId)).toEqual([...generated, ...fresh].sort());
    const [order] = await app.ds.query(
      `SELECT id, status, version FROM "order" WHERE account_id = $1 AND channel_order_id = $2`,
      [account.hubId, po],
    );
    expect(order.status).toBe('ACKNOWLEDGED');
    const audit = await app.ds.query(
      `SELECT actor, before, after FROM audit_event WHERE order_id = $1 AND action = 'order.updated'`,
      [order.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'system:order-sync',
      before: { status: 'CREATED' },
      after: { status: 'ACKNOWLEDGED' },
    });
  });

  it('completes under a storm of 429, 500, 503 and timeouts, with nothing duplicated or skipped', async () => {
    const account = await connectSandboxAccount(app, sandbox, 'WALMART', 'Walmart storm');
    const generated = sandbox.generateOrders({ accountId: account.sandboxAccountId, count: 1200, seed: 21 }).orderIds;
    const fault = sandbox.injectFault({
      channel: 'WALMART',
      route: '/walmart/v3/orders',
      error429: 0.15,
      error500: 0.1,
      error503: 0.05,
      timeout: 0.03,
      timeoutMs: 3000,
    });
    try {
      let state = await syncAndWait(app, account.hubId, 120_000);
      // A page that fails six attempts in a row ends the pull with the channel's message; the next resumes it.
      for (let retry = 0; state.lastError && retry < 3; retry++) {
        expect(state.lastError).toMatch(/^WALMART orders.list/);
        state = await syncAndWait(app, account.hubId, 120_000);
      }
      expect(state.lastError).toBeNull();
      expect(await hubOrderIds(app, account.hubId)).toEqual([...generated].sort());
      expect(sandbox.clearFaults(fault.id)).toBe(1);
    } finally {
      sandbox.clearFaults();
    }
  });

  it('acknowledges new orders of an account that acknowledges automatically, through the outbox', async () => {
    const account = await connectSandboxAccount(app, sandbox, 'WALMART', 'Walmart auto-ack', true);
    const generated = sandbox.generateOrders({
      accountId: account.sandboxAccountId,
      count: 40,
      seed: 41,
      mix: { channelFulfilled: 0 },
    }).orderIds;
    expect((await syncAndWait(app, account.hubId)).lastError).toBeNull();
    const deadline = Date.now() + 30_000;
    const pending = async () =>
      (
        await app.ds.query(`SELECT count(*)::int AS n FROM outbox WHERE account_id = $1 AND status <> 'DELIVERED'`, [
          account.hubId,
        ])
      )[0].n as number;
    while ((await pending()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const [counts] = await app.ds.query(
      `SELECT count(*)::int AS acks, count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered FROM outbox WHERE account_id = $1 AND operation = 'ACKNOWLEDGE'`,
      [account.hubId],
    );
    expect(counts).toEqual({ acks: 40, delivered: 40 });
    for (const po of generated) {
      const lines = (sandbox.orderState('WALMART', po).view as { order: WalmartOrder }).order.orderLines.orderLine;
      expect([po, lines.flatMap((l) => l.orderLineStatuses.orderLineStatus.map((st) => st.status))]).toEqual([
        po,
        lines.map(() => 'Acknowledged'),
      ]);
    }
  });

  it('refreshes an expired token in the middle of a backfill', async () => {
    const account = await connectSandboxAccount(app, sandbox, 'WALMART', 'Walmart token expiry');
    const generated = sandbox.generateOrders({ accountId: account.sandboxAccountId, count: 1200, seed: 31 }).orderIds;
    sandbox.injectFault({ channel: 'WALMART', route: '/walmart/v3/orders', slow: 1, slowMs: 250 });
    try {
      const asked = Date.now();
      await app.gql(`mutation($id: ID!) { syncAccount(accountId: $id) { running } }`, { id: account.hubId });
      while ((await syncState(app, account.hubId)).pagesDone < 1) await new Promise((r) => setTimeout(r, 20));
      // Walmart tokens live 15 minutes by the channel's clock.
      sandbox.clock.advance(16 * 60_000);
      const state = await waitForPull(app, account.hubId, asked);
      expect(state.lastError).toBeNull();
      expect(await hubOrderIds(app, account.hubId)).toEqual([...generated].sort());
    } finally {
      sandbox.clearFaults();
    }
  });

  it('never lets an older copy of an order overwrite a newer one', async () => {
    const [row] = await app.ds.query(
      `SELECT account_id, channel_order_id, status, channel_updated_at, version FROM "order" WHERE status = 'ACKNOWLEDGED' AND channel = 'WALMART' LIMIT 1`,
    );
    const account = await app.running.app.get(ChannelAccountsService).get(row.account_id);
    const creds = (await app.running.app.get(ChannelAccountsService).credentialsOf(account.id)) as {
      clientId: string;
      clientSecret: string;
    };
    const current = mapWalmartOrder((await walmart(sandbox, creds, 'GET', `/v3/orders/${row.channel_order_id}`)).order);
    const stale = {
      ...current,
      status: 'CREATED' as const,
      channelUpdatedAt: new Date(current.channelUpdatedAt.getTime() - 3_600_000),
    };
    const upsert = app.running.app.get(OrderImportService);
    const stored = async () =>
      (
        await app.ds.query(`SELECT status, version FROM "order" WHERE account_id = $1 AND channel_order_id = $2`, [
          account.id,
          row.channel_order_id,
        ])
      )[0];
    // The hub's copy may trail the channel's newest by more than the stale copy's hour (a pull not yet run after the
    // sandbox's clock moved): level it first, so only the stale copy's age decides.
    await upsert.upsert(account, [current], 'test');
    const before = await stored();
    expect(before.status).not.toBe('CREATED');

    expect(await upsert.upsert(account, [stale], 'test')).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
      insertedIds: [],
    });
    expect(await upsert.upsert(account, [current], 'test')).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
      insertedIds: [],
    });
    expect(await stored()).toEqual(before);

    // Within one page too, the newest copy of an order wins whatever its position.
    const newer = {
      ...current,
      status: 'SHIPPED' as const,
      channelUpdatedAt: new Date(current.channelUpdatedAt.getTime() + 60_000),
    };
    expect(await upsert.upsert(account, [newer, stale], 'test')).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 0,
      insertedIds: [],
    });
    const [moved] = await app.ds.query(
      `SELECT status, version FROM "order" WHERE account_id = $1 AND channel_order_id = $2`,
      [account.id, row.channel_order_id],
    );
    expect(moved).toEqual({ status: 'SHIPPED', version: before.version + 1 });
  });
});
