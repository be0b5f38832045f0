import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import type { ChannelPushEvent, PushEventKind } from '@order-hub/types';
import { ApiTokensService } from '../src/modules/auth/api-tokens.service';
import { PushInbox } from '../src/modules/push/inbox/push-inbox.service';
import { PushLedger } from '../src/modules/push/ledger/push-ledger.service';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { until } from './support/wait';

const MINUTE = 60_000;

const PUSH_STATUS = `state available unavailableReason webhookUrl transport lastEventAt eventsToday missedToday
  missedLast7Days pendingEvents failedLast7Days deadLetters pollMode pollIntervalSeconds pollModeReason`;

describe.each(testDatabases())('order pushes: ledger, inbox and fetch on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let account: ConnectedAccount;
  let eventNo = 0;

  const inbox = () => app.running.app.get(PushInbox);
  const ledger = () => app.running.app.get(PushLedger);
  const pushOf = (channelOrderId: string, kind: PushEventKind = 'ORDER_CREATED', eventId = `evt-${++eventNo}`) =>
    ({ eventId, kind, channelOrderId, mcfOrderId: null, occurredAt: new Date() }) satisfies ChannelPushEvent;
  const newOrder = (seed: number) =>
    sandbox.generateOrders({ accountId: account.sandboxAccountId, count: 1, seed, placedWithinHours: 0.05 })
      .orderIds[0];
  const pushRows = (channelOrderId: string): Promise<{ outcome: string; attempts: number; reason: string | null }[]> =>
    app.ds.query(`SELECT outcome, attempts, reason FROM push_event WHERE account_id = $1 AND channel_order_id = $2`, [
      account.hubId,
      channelOrderId,
    ]);
  const hubOrder = async (channelOrderId: string) => {
    const res = await app.gql(
      `query($f: OrderFilter) { orders(filter: $f, first: 5) { edges { node { id channelOrderId status } } } }`,
      { f: { accountId: account.hubId, search: channelOrderId } },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return (res.data!.orders.edges as { node: { id: string; channelOrderId: string; status: string } }[])
      .map((e) => e.node)
      .find((o) => o.channelOrderId === channelOrderId);
  };
  const pushStatus = async () => {
    const res = await app.gql(`{ channelAccounts { id push { ${PUSH_STATUS} } } }`);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.channelAccounts.find((a: { id: string }) => a.id === account.hubId).push;
  };
  const countFetches = (po: string) =>
    sandbox.injectFault({ channel: 'WALMART', method: 'GET', route: `/walmart/v3/orders/${po}`, slow: 1, slowMs: 0 });

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 20, throttling: { rateScale: 1000 } });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000', CHANNEL_RETRY_BASE_MS: '10' });
    account = await connectSandboxAccount(app, sandbox, 'WALMART', 'Walmart pushes', true);
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('reads a pushed order from the channel and stores it like a pulled one, acknowledged, by system:order-push', async () => {
    const po = newOrder(1);
    expect(await inbox().accept(account.hubId, [pushOf(po)], new Date())).toBe(1);

    const order = await until(
      'the pushed order in the hub',
      () => hubOrder(po),
      (o) => o?.status === 'ACKNOWLEDGED',
    );
    expect(await pushRows(po)).toEqual([{ outcome: 'STORED', attempts: 0, reason: null }]);
    const audit: { actor: string }[] = await app.ds.query(
      `SELECT actor FROM audit_event WHERE order_id = $1 AND action = 'order.imported'`,
      [order!.id],
    );
    expect(audit).toEqual([{ actor: 'system:order-push' }]);
  });

  it('stores an event delivered twice once and reads its order once', async () => {
    // Acknowledging reads the order back: off here, so every read of the order counted is a push's fetch.
    const off = await app.gql(
      `mutation($id: ID!) { updateChannelAccount(id: $id, input: { autoAcknowledge: false }) { id } }`,
      {
        id: account.hubId,
      },
    );
    expect(off.errors).toBeUndefined();
    const po = newOrder(2);
    const fetches = countFetches(po);
    const push = pushOf(po);
    const [first, second] = await Promise.all([
      inbox().accept(account.hubId, [push], new Date()),
      inbox().accept(account.hubId, [push, push], new Date()),
    ]);
    expect(first + second).toBe(1);
    await until(
      'the order stored',
      () => pushRows(po),
      (rows) => rows[0]?.outcome === 'STORED',
    );
    expect(await inbox().accept(account.hubId, [push], new Date())).toBe(0);
    expect(await pushRows(po)).toHaveLength(1);
    expect(fetches.affected).toBe(1);
    sandbox.clearFaults(fetches.id);
    await app.gql(`mutation($id: ID!) { updateChannelAccount(id: $id, input: { autoAcknowledge: true }) { id } }`, {
      id: account.hubId,
    });
  });

  it('creates no order for a push naming an order the channel does not have', async () => {
    const po = '9999999999999';
    await inbox().accept(account.hubId, [pushOf(po)], new Date());
    const [row] = await until(
      'NOT_FOUND',
      () => pushRows(po),
      (rows) => rows[0]?.outcome === 'NOT_FOUND',
    );
    expect(row.reason).toMatch(/does not exist/);
    expect(await hubOrder(po)).toBeUndefined();
  });

  it('keeps a push PENDING while the channel fails retryably, then stores its order on a retry', async () => {
    const po = newOrder(3);
    const fault = sandbox.injectFault({
      channel: 'WALMART',
      method: 'GET',
      route: `/walmart/v3/orders/${po}`,
      error503: 1,
    });
    await inbox().accept(account.hubId, [pushOf(po)], new Date());
    const [pending] = await until(
      'a failed attempt',
      () => pushRows(po),
      (rows) => rows[0]?.attempts >= 1,
    );
    expect(pending.outcome).toBe('PENDING');
    expect(pending.reason).toMatch(/503/);
    expect(await hubOrder(po)).toBeUndefined();
    sandbox.clearFaults(fault.id);
    await until(
      'stored on a retry',
      () => pushRows(po),
      (rows) => rows[0]?.outcome === 'STORED',
    );
    expect(await hubOrder(po)).toBeDefined();
  });

  it('counts an order a poll found that no push announced as missed after the grace, and paces the pull by pushes', async () => {
    // Pushes on since an hour ago (as subscribePush leaves them); the first pull reads what pushes already stored.
    await ledger().saveSubscription(account.hubId, {
      state: 'ACTIVE',
      subscribedAt: new Date(Date.now() - 60 * MINUTE),
    });
    const pull = async () => {
      const state = await syncAndWait(app, account.hubId);
      expect(state.lastError).toBeNull();
      return (Date.parse(state.nextRunAt!) - Date.parse(state.lastSuccessAt!)) / 1000;
    };
    expect(await pull()).toBeLessThan(120);
    expect((await pushStatus()).pollMode).toBe('NORMAL');

    // A push arrives: the pull slows to reconciliation (10 × Walmart's 60 s).
    await inbox().accept(account.hubId, [pushOf(newOrder(4))], new Date());
    await until(
      'the push handled',
      () => pushStatus(),
      (s) => s.pendingEvents === 0,
    );
    expect(await pull()).toBeGreaterThan(500);
    expect(await pushStatus()).toMatchObject({ state: 'ACTIVE', pollMode: 'RECONCILE', pollIntervalSeconds: 600 });

    // Two orders no push announced are found by the poll; a push for one of them arrives within the grace.
    const lost = newOrder(5);
    const late = newOrder(6);
    // Walmart filters by whole seconds: a pull in the orders' second may not see them yet, the next one does.
    await until(
      'a poll found both',
      async () => {
        await pull();
        return [await hubOrder(lost), await hubOrder(late)];
      },
      (orders) => orders.every(Boolean),
    );
    const found = new Date();
    await inbox().accept(account.hubId, [pushOf(late, 'ORDER_CHANGED')], new Date());
    expect((await ledger().counts(account.hubId, found)).missedLast7Days).toBe(0);
    const afterGrace = await ledger().counts(account.hubId, new Date(found.getTime() + 2 * MINUTE));
    expect(afterGrace.missedLast7Days).toBe(1);

    // Two minutes on: the poll's and the pushes' times move back together.
    for (const table of ['push_unannounced SET found_at = found_at', 'push_event SET received_at = received_at'])
      await app.ds.query(`UPDATE ${table} - interval '2 minutes' WHERE account_id = $1`, [account.hubId]);
    const status = await pushStatus();
    expect(status).toMatchObject({ missedLast7Days: 1, pollMode: 'NORMAL' });
    expect(status.pollModeReason).toMatch(/gap suspected/i);
    const missed = await app.gql(
      `query($id: ID!) { missedPushes(accountId: $id, first: 10) { edges { cursor node { channelOrderId orderId foundAt } } pageInfo { hasNextPage } } }`,
      { id: account.hubId },
    );
    expect(missed.errors).toBeUndefined();
    expect(missed.data!.missedPushes.edges.map((e: any) => e.node.channelOrderId)).toEqual([lost]);
    expect(missed.data!.missedPushes.edges[0].node.orderId).toBe((await hubOrder(lost))!.id);
    // A gap is suspected: the pull goes back to the normal cadence.
    expect(await pull()).toBeLessThan(120);

    // A quiet half hour without pushes also means the normal cadence.
    await app.ds.query(`DELETE FROM push_unannounced WHERE account_id = $1`, [account.hubId]);
    await app.ds.query(
      `UPDATE push_subscription SET last_event_at = now() - interval '31 minutes' WHERE account_id = $1`,
      [account.hubId],
    );
    expect(await pull()).toBeLessThan(120);
    expect((await pushStatus()).pollModeReason).toMatch(/30 minutes/);
  });

  it('lists pushes newest first with their outcome, page by page', async () => {
    const first = await app.gql(
      `query($id: ID!) { pushEvents(accountId: $id, first: 2) { edges { cursor node { eventId kind channelOrderId orderId outcome attempts receivedAt } } pageInfo { hasNextPage endCursor } } }`,
      { id: account.hubId },
    );
    expect(first.errors).toBeUndefined();
    const page = first.data!.pushEvents;
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await app.gql(
      `query($id: ID!, $after: String) { pushEvents(accountId: $id, first: 50, after: $after) { edges { node { eventId outcome } } } }`,
      { id: account.hubId, after: page.pageInfo.endCursor },
    );
    const all = [
      ...page.edges.map((e: any) => e.node.eventId),
      ...next.data!.pushEvents.edges.map((e: any) => e.node.eventId),
    ];
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(eventNo);
    const notFound = await app.gql(
      `query($id: ID!) { pushEvents(accountId: $id, outcome: "NOT_FOUND") { edges { node { channelOrderId orderId } } } }`,
      { id: account.hubId },
    );
    expect(notFound.data!.pushEvents.edges).toEqual([{ node: { channelOrderId: '9999999999999', orderId: null } }]);
  });

  it('refuses subscribing without PUBLIC_URL, naming it, and refuses an OPERATOR', async () => {
    const res = await app.gql(`mutation($id: ID!) { subscribePush(accountId: $id) { id } }`, { id: account.hubId });
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'PUBLIC_URL' } });
    expect(res.errors?.[0].message).toMatch(/PUBLIC_URL/);
    expect(await pushStatus()).toMatchObject({
      transport: 'WEBHOOK',
      available: false,
      webhookUrl: null,
      unavailableReason: expect.stringMatching(/PUBLIC_URL/),
    });

    const operator = await app.running.app.get(ApiTokensService).create('operator', 'OPERATOR', 'system:test');
    for (const op of ['subscribePush', 'unsubscribePush', 'sendPushTest']) {
      const refused = await app.gql(
        `mutation($id: ID!) { ${op}(accountId: $id) { id } }`,
        { id: account.hubId },
        operator.secret,
      );
      expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    const read = await app.gql(
      `query($id: ID!) { pushEvents(accountId: $id, first: 1) { edges { node { id } } } missedPushes(accountId: $id) { edges { node { channelOrderId } } } }`,
      { id: account.hubId },
      operator.secret,
    );
    expect(read.errors).toBeUndefined();
  });
});

describe.each(testDatabases())('push subscriptions on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let account: ConnectedAccount;
  const PUSH = 'state subscribedBy lastError webhookUrl';

  const mutate = (op: string) =>
    app.gql(`mutation($id: ID!) { ${op}(accountId: $id) { push { ${PUSH} } } }`, { id: account.hubId });
  const audit = (action: string): Promise<{ actor: string; after: Record<string, unknown> }[]> =>
    app.ds.query(`SELECT actor, after FROM audit_event WHERE entity_id = $1 AND action = $2`, [account.hubId, action]);

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 22, throttling: { rateScale: 1000 } });
    // Nothing listens there: this suite is about the subscription, not the deliveries.
    app = await startTestApp(kind, {
      PUBLIC_URL: 'http://127.0.0.1:9',
      CHANNEL_RATE_SCALE: '1000',
      CHANNEL_RETRY_BASE_MS: '10',
    });
    account = await connectSandboxAccount(app, sandbox, 'WALMART', 'Walmart subscription');
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it("keeps the channel's refusal as FAILED with its words, then subscribes, audits and unsubscribes", async () => {
    const fault = sandbox.injectFault({
      channel: 'WALMART',
      method: 'POST',
      route: '/walmart/v3/webhooks/subscriptions',
      error500: 1,
    });
    const refused = await mutate('subscribePush');
    expect(refused.errors?.[0].extensions.code).toBe('CHANNEL_ERROR');
    expect(refused.errors?.[0].message).toMatch(/500/);
    sandbox.clearFaults(fault.id);
    const failed = await app.gql(`{ channelAccounts { id push { ${PUSH} } } }`);
    expect(failed.data!.channelAccounts[0].push).toMatchObject({
      state: 'FAILED',
      lastError: expect.stringMatching(/500/),
    });

    const subscribed = await mutate('subscribePush');
    expect(subscribed.errors).toBeUndefined();
    expect(subscribed.data!.subscribePush.push).toMatchObject({
      state: 'ACTIVE',
      subscribedBy: expect.any(String),
      lastError: null,
      webhookUrl: `http://127.0.0.1:9/push/${account.hubId}`,
    });
    const secret = await app.running.app.get(PushLedger).webhookSecret(account.hubId);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const [subscribedAudit] = await audit('push.subscribed');
    expect(subscribedAudit).toMatchObject({
      actor: subscribed.data!.subscribePush.push.subscribedBy,
      after: { state: 'ACTIVE' },
    });
    expect(JSON.stringify(subscribedAudit.after)).not.toContain(secret!);

    const off = await mutate('unsubscribePush');
    expect(off.data!.unsubscribePush.push.state).toBe('OFF');
    expect(await app.running.app.get(PushLedger).webhookSecret(account.hubId)).toBeNull();
    expect(await audit('push.unsubscribed')).toHaveLength(1);

    const test = await mutate('sendPushTest');
    expect(test.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(test.errors?.[0].message).toMatch(/subscribe/);
  });
});
