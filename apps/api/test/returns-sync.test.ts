import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import type { NormalizedReturn, NormalizedReturnLine } from '@order-hub/types';
import { ChannelAccountRepository } from '../src/modules/channels/channel-account.repository';
import { ChannelAccountsService } from '../src/modules/channels/channel-accounts.service';
import { ReturnsService } from '../src/modules/returns/returns.service';
import { ReturnsSyncService } from '../src/modules/returns/returns-sync.service';
import { ReturnSyncStateRepository } from '../src/modules/returns/return-sync-state.repository';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const HOUR = 3_600_000;

const RETURN_FIELDS = `id channel accountId accountName channelReturnId customerOrderId orderId orderNumber status statusLabel
  requestedAt receivedAt refundedAt refundedBy returnType claim currency amountCents refundedCents version
  tracking { carrier trackingNumber } refundClock { state dueAt label } order { id channelOrderId }
  lines { returnLineNumber channelOrderId orderId lineNumber sku productName quantity quantityRefunded quantityRefundable
    reasonCode reasonLabel reasonCategory status receivedAt refundedBy unitPriceCents unitTaxCents proposedRefundCents }`;
const RETURNS = `query ($filter: ReturnFilter, $first: Int, $after: String) { returns(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${RETURN_FIELDS} } } } }`;
const ONE = `query ($id: ID!) { return(id: $id) { ${RETURN_FIELDS} } }`;
const SYNC_FIELDS = `running watermark lastStartedAt lastSuccessAt lastError lastErrorAt attempts nextRunAt returnsImported returnsUpdated rejected { channelReturnId reason }`;
const REFRESH = `mutation ($a: ID!) { refreshReturns(accountId: $a) { ${SYNC_FIELDS} } }`;
const ACCOUNT_SYNC = `{ channelAccounts { id returnsSync { ${SYNC_FIELDS} } } }`;
const ORDER_RETURNS = `query ($id: ID!) { order(id: $id) { id returns { id channelReturnId lines { returnLineNumber orderId } } } }`;
const EVIDENCE = `query ($id: ID!) { orderEvidence(orderId: $id) { returns { channelReturnId status receivedAt lines } events { at kind detail } } }`;
const COUNTS = `query ($c: Channel!) { returnCounts(channel: $c) { refundsDue dueSoon overdue refundedByChannel30d } }`;

interface ReturnView {
  id: string;
  channelReturnId: string;
  orderId: string | null;
  orderNumber: string;
  status: string;
  receivedAt: string | null;
  refundedBy: string | null;
  amountCents: number;
  refundedCents: number;
  version: number;
  refundClock: { state: string; dueAt: string | null; label: string };
  order: { id: string; channelOrderId: string } | null;
  lines: {
    returnLineNumber: string;
    orderId: string | null;
    lineNumber: string | null;
    sku: string | null;
    quantity: number;
    quantityRefunded: number;
    quantityRefundable: number;
    reasonCode: string | null;
    reasonLabel: string;
    reasonCategory: string;
    unitPriceCents: number | null;
    proposedRefundCents: number;
  }[];
}

interface HubOrder {
  id: string;
  channelOrderId: string;
  lines: { lineNumber: string; sku: string; unitPriceCents: number; quantityOrdered: number }[];
}

describe.each(testDatabases())('returns import, sync and GraphQL reads on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let service: ReturnsService;
  let walmart: ConnectedAccount;
  let amazon: ConnectedAccount;
  // The sandbox's clock stands still (at the start of this minute): what it does "now" is in the hub's past.
  const start = new Date(Math.floor(Date.now() / 60_000) * 60_000);

  const control = async (path: string, body: unknown = {}) => {
    const res = await fetch(`${sandbox.controlBaseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const deliveredOrders = async (accountId: string): Promise<HubOrder[]> => {
    const orders: { id: string; channelOrderId: string }[] = await app.ds.query(
      `SELECT id, channel_order_id AS "channelOrderId" FROM "order"
        WHERE account_id = $1 AND status = 'DELIVERED' AND fulfillment_method = 'MERCHANT' ORDER BY channel_order_id`,
      [accountId],
    );
    const lines: (HubOrder['lines'][number] & { orderId: string })[] = await app.ds.query(
      `SELECT order_id AS "orderId", line_number AS "lineNumber", sku, unit_price_cents AS "unitPriceCents",
              quantity_ordered AS "quantityOrdered"
         FROM order_line WHERE order_id = ANY($1::uuid[]) ORDER BY line_number`,
      [orders.map((o) => o.id)],
    );
    return orders.map((o) => ({ ...o, lines: lines.filter((l) => l.orderId === o.id) }));
  };
  const list = async (filter: Record<string, unknown>, first = 50, after: string | null = null) => {
    const res = await app.gql(RETURNS, { filter, first, after });
    expect(res.errors).toBeUndefined();
    return res.data!.returns as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: ReturnView }[];
    };
  };
  const returnsSync = async (hubId: string) => {
    const res = await app.gql(ACCOUNT_SYNC);
    return res.data!.channelAccounts.find((a: { id: string }) => a.id === hubId).returnsSync;
  };
  const storedCount = async (accountId: string): Promise<number> =>
    (await app.ds.query(`SELECT count(*)::int AS n FROM order_return WHERE account_id = $1`, [accountId]))[0].n;
  /** A Walmart seller's own call (the seller's other tools), with a token from the sandbox. */
  const walmartCall = async (hubId: string, method: string, path: string, body?: unknown) => {
    const creds = await app.running.app.get(ChannelAccountsService).credentialsOf(hubId);
    const headers = {
      'WM_QOS.CORRELATION_ID': 'test',
      'WM_SVC.NAME': 'Walmart Marketplace',
      accept: 'application/json',
    };
    const token = (await fetch(`${sandbox.walmartBaseUrl}/v3/token`, {
      method: 'POST',
      headers: {
        ...headers,
        authorization: `Basic ${Buffer.from(`${creds!.clientId}:${creds!.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    }).then((r) => r.json())) as { access_token: string };
    const res = await fetch(`${sandbox.walmartBaseUrl}${path}`, {
      method,
      headers: { ...headers, 'WM_SEC.ACCESS_TOKEN': token.access_token, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  /** Walmart's dates have whole seconds: a pull in the same second as a change would end just before it. */
  const nextSecond = () => new Promise((r) => setTimeout(r, 1_100));

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 18, clock: start, throttling: { rateScale: 1000 } });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000', CHANNEL_TIMEOUT_MS: '3000' });
    service = app.running.app.get(ReturnsService);
    walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Walmart returns');
    amazon = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Amazon returns');
    for (const account of [walmart, amazon]) {
      sandbox.generateOrders({
        accountId: account.sandboxAccountId,
        count: 6,
        seed: 5,
        placedWithinHours: 24 * 12,
        shipByHours: [24, 36],
        mix: { channelFulfilled: 0, intentToCancel: 0, multiLine: 1, multiQuantity: 1 },
        history: { late: 0, invalidTracking: 0, cancelled: 0, delivered: 1, lateDelivery: 0, returned: 0 },
      });
      const state = await syncAndWait(app, account.hubId);
      expect(state.lastError).toBeNull();
    }
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it("pulls a Walmart account's returns, links them to orders and lines, then picks up a receipt and a refund", async () => {
    const [first, second] = await deliveredOrders(walmart.hubId);
    expect(second).toBeDefined();
    expect(first.lines.length).toBeGreaterThanOrEqual(2);
    const line = first.lines[1];
    const units = Math.min(2, line.quantityOrdered);
    const opened = await control('/walmart/returns', {
      accountId: walmart.sandboxAccountId,
      purchaseOrderId: first.channelOrderId,
      lines: [{ lineNumber: line.lineNumber, quantity: units, reason: 'DAMAGED' }],
    });
    const other = await control('/walmart/returns', {
      accountId: walmart.sandboxAccountId,
      purchaseOrderId: second.channelOrderId,
    });
    const rma = String(opened.returnOrderId);
    const otherRma = String(other.returnOrderId);
    await nextSecond();

    const pulled = await app.gql(REFRESH, { a: walmart.hubId });
    expect(pulled.errors).toBeUndefined();
    expect(pulled.data!.refreshReturns).toMatchObject({
      running: false,
      lastError: null,
      attempts: 0,
      returnsImported: 2,
      returnsUpdated: 0,
      rejected: [],
    });
    expect(Date.parse(pulled.data!.refreshReturns.nextRunAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    const watermark = Date.parse(pulled.data!.refreshReturns.watermark);

    const listed = await list({ accountId: walmart.hubId });
    expect(listed.totalCount).toBe(2);
    const ret = listed.edges.map((e) => e.node).find((r) => r.channelReturnId === rma)!;
    expect(ret).toMatchObject({
      orderId: first.id,
      orderNumber: first.channelOrderId,
      order: { id: first.id, channelOrderId: first.channelOrderId },
      status: 'REQUESTED',
      receivedAt: null,
      refundClock: { state: 'NOT_STARTED', dueAt: null },
      version: 1,
    });
    expect(ret.lines).toEqual([
      expect.objectContaining({
        orderId: first.id,
        lineNumber: line.lineNumber,
        sku: line.sku,
        quantity: units,
        quantityRefunded: 0,
        quantityRefundable: units,
        reasonCode: 'DAMAGED',
        reasonCategory: 'SELLER_FAULT',
      }),
    ]);
    expect(ret.lines[0].reasonLabel).not.toBe('DAMAGED');
    expect(ret.amountCents).toBeGreaterThanOrEqual(units * line.unitPriceCents);
    expect(ret.lines[0].proposedRefundCents).toBe(ret.amountCents);

    // Order.returns, batched for several orders in one request.
    const onOrder = await app.gql(ORDER_RETURNS, { id: first.id });
    expect(onOrder.data!.order.returns).toEqual([
      {
        id: ret.id,
        channelReturnId: rma,
        lines: [{ returnLineNumber: ret.lines[0].returnLineNumber, orderId: first.id }],
      },
    ]);

    // The item reaches the return centre; the other is received and refunded by the seller on Walmart's own site.
    await control(`/walmart/returns/${rma}/deliver`);
    const receivedAt = sandbox.clock.now();
    await control(`/walmart/returns/${otherRma}/deliver`);
    const otherLines = (
      (await walmartCall(walmart.hubId, 'GET', `/v3/returns?returnOrderId=${otherRma}`)).returnOrders as {
        customerOrderId: string;
        returnOrderLines: { returnOrderLineNumber: number; quantity: { measurementValue: number } }[];
      }[]
    )[0];
    await walmartCall(walmart.hubId, 'POST', `/v3/returns/${otherRma}/refund`, {
      customerOrderId: otherLines.customerOrderId,
      refundLines: otherLines.returnOrderLines.map((l) => ({
        returnOrderLineNumber: l.returnOrderLineNumber,
        quantity: { unitOfMeasure: 'EA', measurementValue: l.quantity.measurementValue },
      })),
    });
    await nextSecond();

    const again = await app.gql(REFRESH, { a: walmart.hubId });
    expect(again.errors).toBeUndefined();
    expect(again.data!.refreshReturns).toMatchObject({ lastError: null, returnsImported: 2, returnsUpdated: 2 });
    expect(Date.parse(again.data!.refreshReturns.watermark)).toBeGreaterThan(watermark);

    const received = (await app.gql(ONE, { id: ret.id })).data!.return as ReturnView;
    expect(received).toMatchObject({ status: 'RECEIVED', version: 2, refundClock: { state: 'OPEN' } });
    expect(Date.parse(received.receivedAt!)).toBe(receivedAt.getTime());
    expect(Date.parse(received.refundClock.dueAt!)).toBe(receivedAt.getTime() + 48 * HOUR);

    // The order's evidence record carries the return: its lines with reasons in words, and its steps in the timeline.
    const evidence = (await app.gql(EVIDENCE, { id: received.orderId })).data!.orderEvidence as {
      returns: { channelReturnId: string; status: string; receivedAt: string | null; lines: string[] }[];
      events: { at: string; kind: string; detail: string }[];
    };
    const onRecord = evidence.returns.find((r) => r.channelReturnId === received.channelReturnId)!;
    expect(onRecord).toMatchObject({ status: 'Received', receivedAt: received.receivedAt });
    expect(onRecord.lines[0]).toMatch(/^\d+ × .+ \(.+\)$/);
    const steps = evidence.events.filter((e) => e.detail.includes(received.channelReturnId)).map((e) => e.kind);
    expect(steps).toEqual(['RETURN_REQUESTED', 'RETURN_RECEIVED']);
    const refunded = (await list({ accountId: walmart.hubId, refundedBy: 'SELLER' })).edges.map((e) => e.node);
    expect(refunded.map((r) => r.channelReturnId)).toEqual([otherRma]);
    expect(refunded[0]).toMatchObject({ status: 'REFUNDED', refundClock: { state: 'SETTLED', label: 'Refunded' } });
    expect(refunded[0].lines.every((l) => l.quantityRefunded === l.quantity && l.quantityRefundable === 0)).toBe(true);
    expect(refunded[0].refundedCents).toBe(refunded[0].amountCents);

    // Nothing changed since: a third pull rewrites nothing and raises no version.
    await nextSecond();
    const third = await app.gql(REFRESH, { a: walmart.hubId });
    expect(third.data!.refreshReturns).toMatchObject({ returnsImported: 2, returnsUpdated: 2 });
    expect(((await app.gql(ONE, { id: ret.id })).data!.return as ReturnView).version).toBe(2);
    expect((await returnsSync(walmart.hubId)).lastSuccessAt).toBe(third.data!.refreshReturns.lastSuccessAt);
  });

  it("imports an Amazon account's returns report, linked to the order's line by SKU", async () => {
    const [order] = await deliveredOrders(amazon.hubId);
    const line = order.lines[0];
    const opened = await control('/amazon/returns', {
      accountId: amazon.sandboxAccountId,
      orderId: order.channelOrderId,
      sku: line.sku,
      quantity: 1,
      reason: 'CR-UNWANTED_ITEM',
    });
    await control(`/amazon/returns/${String(opened.rma)}/deliver`, { accountId: amazon.sandboxAccountId });

    const pulled = await app.gql(REFRESH, { a: amazon.hubId });
    expect(pulled.errors).toBeUndefined();
    expect(pulled.data!.refreshReturns).toMatchObject({ lastError: null, returnsImported: 1, rejected: [] });
    // A report channel asks for the profile's 60 days each time and keeps no incremental bound of its own.
    expect(Date.parse(pulled.data!.refreshReturns.nextRunAt) - Date.now()).toBeGreaterThan(239 * 60_000);

    const [ret] = (await list({ channel: 'AMAZON', accountId: amazon.hubId })).edges.map((e) => e.node);
    expect(ret).toMatchObject({
      channelReturnId: String(opened.rma),
      orderId: order.id,
      status: 'RECEIVED',
      refundClock: { state: 'NOT_STARTED', dueAt: null },
    });
    expect(ret.lines).toEqual([
      expect.objectContaining({
        orderId: order.id,
        lineNumber: line.lineNumber,
        sku: line.sku,
        quantity: 1,
        reasonCategory: 'BUYER_REMORSE',
        unitPriceCents: expect.any(Number),
      }),
    ]);
  });

  it('retries a returns report Amazon failed, says so in words, imports nothing of it, and succeeds next time', async () => {
    const before = await storedCount(amazon.hubId);
    const orders = await deliveredOrders(amazon.hubId);
    const order = orders[1];
    const opened = await control('/amazon/returns', {
      accountId: amazon.sandboxAccountId,
      orderId: order.channelOrderId,
      reason: 'CR-DEFECTIVE',
    });
    await control('/amazon/reports/faults', { accountId: amazon.sandboxAccountId, outcome: 'FATAL', times: 1 });

    const failed = await app.gql(REFRESH, { a: amazon.hubId });
    expect(failed.errors![0].extensions.code).toBe('CONFLICT');
    expect(failed.errors![0].message).toMatch(/^Amazon did not give the returns of Amazon returns: /);
    expect(failed.errors![0].message).toMatch(/attempt 1; next try in 1 min/);
    const state = await returnsSync(amazon.hubId);
    expect(state).toMatchObject({ running: false, attempts: 1, lastError: failed.errors![0].message });
    const wait = Date.parse(state.nextRunAt) - Date.now();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(await storedCount(amazon.hubId)).toBe(before);

    // The schedule's next pass, once the backoff is over, pulls again and imports the return.
    const sync = app.running.app.get(ReturnsSyncService);
    expect(await sync.runDue(new Date(Date.now() + 2 * 60_000))).toBeGreaterThanOrEqual(1);
    const recovered = await returnsSync(amazon.hubId);
    expect(recovered).toMatchObject({ attempts: 0, lastError: null, lastErrorAt: null });
    expect(await storedCount(amazon.hubId)).toBe(before + 1);
    expect((await list({ search: String(opened.rma) })).edges.map((e) => e.node.orderId)).toEqual([order.id]);
  });

  it('keeps what the hub recorded when a later copy is behind, counts channel refunds, and sets aside what it cannot read', async () => {
    const account = await app.running.app.get(ChannelAccountRepository).getById(walmart.hubId);
    const [order] = await deliveredOrders(walmart.hubId);
    const now = Date.now();
    const line = (n: string, o: Partial<NormalizedReturnLine> = {}): NormalizedReturnLine => ({
      returnLineNumber: n,
      channelOrderId: order.channelOrderId,
      lineNumber: order.lines[0].lineNumber,
      sku: order.lines[0].sku,
      productName: null,
      quantity: 2,
      quantityRefunded: 0,
      reasonCode: 'WRONG_ITEM',
      status: 'RECEIVED',
      receivedAt: new Date(now - 40 * HOUR),
      refundedAt: null,
      refundedBy: null,
      unitPriceCents: 1_000,
      unitTaxCents: 80,
      refundedCents: null,
      ...o,
    });
    const aReturn = (
      id: string,
      lines: NormalizedReturnLine[],
      o: Partial<NormalizedReturn> = {},
    ): NormalizedReturn => ({
      channel: 'WALMART',
      channelReturnId: id,
      customerOrderId: 'C-UNIT',
      channelOrderId: lines[0]?.channelOrderId ?? order.channelOrderId,
      status: 'RECEIVED',
      requestedAt: new Date(now - 60 * HOUR),
      updatedAt: new Date(now - 40 * HOUR),
      returnType: 'REFUND',
      tracking: [{ carrier: 'FedEx', trackingNumber: '7712' }],
      labelUrl: null,
      claim: false,
      currency: 'USD',
      lines,
      raw: { returnOrderId: id, lines: lines.length },
      ...o,
    });
    const dueSoon = aReturn('UNIT-DUE-SOON', [line('1'), line('2', { quantity: 1 })]);
    const overdue = aReturn('UNIT-OVERDUE', [line('1', { receivedAt: new Date(now - 50 * HOUR) })]);
    const byChannel = aReturn('UNIT-BY-CHANNEL', [
      line('1', {
        status: 'REFUNDED',
        quantityRefunded: 2,
        refundedAt: new Date(now - 2 * HOUR),
        refundedBy: 'CHANNEL',
        receivedAt: new Date(now - 50 * HOUR),
      }),
    ]);
    const unknownOrder = aReturn(
      'UNIT-NO-ORDER',
      [line('1', { channelOrderId: 'PO-NOT-HERE', lineNumber: '1', status: 'IN_TRANSIT', receivedAt: null })],
      { status: 'IN_TRANSIT' },
    );
    const countsBefore = (await app.gql(COUNTS, { c: 'WALMART' })).data!.returnCounts;

    const result = await service.importPage(account, {
      returns: [dueSoon, overdue, byChannel, unknownOrder],
      rejected: [{ channelReturnId: 'UNIT-BAD', reason: 'returnOrderLines[0].quantity: must be a number', raw: {} }],
    });
    expect(result).toEqual({
      imported: 4,
      updated: 0,
      unchanged: 0,
      rejected: [{ channelReturnId: 'UNIT-BAD', reason: 'returnOrderLines[0].quantity: must be a number' }],
    });
    // The same copy again changes nothing.
    expect(await service.importPage(account, { returns: [dueSoon], rejected: [] })).toMatchObject({ unchanged: 1 });

    const byId = new Map((await list({ search: 'UNIT-' })).edges.map((e) => [e.node.channelReturnId, e.node] as const));
    expect([...byId.keys()].sort()).toEqual(['UNIT-BY-CHANNEL', 'UNIT-DUE-SOON', 'UNIT-NO-ORDER', 'UNIT-OVERDUE']);
    expect(byId.get('UNIT-DUE-SOON')).toMatchObject({
      orderId: order.id,
      amountCents: 3 * 1_080,
      refundClock: { state: 'DUE_SOON', label: 'Refund due in 8 h' },
    });
    expect(byId.get('UNIT-OVERDUE')!.refundClock).toMatchObject({ state: 'OVERDUE' });
    expect(byId.get('UNIT-OVERDUE')!.refundClock.label).toMatch(/^Refund overdue by 2 h/);
    expect(byId.get('UNIT-BY-CHANNEL')).toMatchObject({
      status: 'REFUNDED',
      refundedBy: 'CHANNEL',
      refundedCents: 2 * 1_080,
      refundClock: { state: 'SETTLED', label: 'Walmart refunded it itself' },
    });
    expect(byId.get('UNIT-NO-ORDER')).toMatchObject({ orderId: null, order: null });
    expect(byId.get('UNIT-NO-ORDER')!.lines[0]).toMatchObject({ orderId: null, lineNumber: '1' });

    const counts = (await app.gql(COUNTS, { c: 'WALMART' })).data!.returnCounts;
    expect(counts.dueSoon - countsBefore.dueSoon).toBe(1);
    expect(counts.overdue - countsBefore.overdue).toBeGreaterThanOrEqual(1);
    expect(counts.refundedByChannel30d - countsBefore.refundedByChannel30d).toBe(1);

    // The hub refunds one unit of line 1 (the outbox row was delivered); Walmart's next copy does not show it yet.
    const id = byId.get('UNIT-DUE-SOON')!.id;
    await app.ds.transaction((em) =>
      service.recordRefundApplied(em, id, [{ returnLineNumber: '1', quantity: 1 }], new Date()),
    );
    const behind = await service.importPage(account, {
      returns: [aReturn('UNIT-DUE-SOON', [line('1', { productName: 'Renamed' }), line('2', { quantity: 1 })])],
      rejected: [],
    });
    expect(behind).toMatchObject({ updated: 1 });
    const kept = (await app.gql(ONE, { id })).data!.return as ReturnView;
    expect(kept.version).toBe(3);
    expect(kept.lines.map((l) => [l.returnLineNumber, l.quantityRefunded, l.quantityRefundable])).toEqual([
      ['1', 1, 1],
      ['2', 0, 1],
    ]);
    expect(kept.lines[0].proposedRefundCents).toBe(1_080);

    // Walmart then shows every unit refunded: the return is REFUNDED and off the refunds-due list.
    await service.importPage(account, {
      returns: [
        aReturn(
          'UNIT-DUE-SOON',
          [1, 2].map((n) =>
            line(String(n), {
              quantity: n === 1 ? 2 : 1,
              quantityRefunded: n === 1 ? 2 : 1,
              status: 'REFUNDED',
              refundedBy: 'SELLER',
              refundedAt: new Date(),
            }),
          ),
          { status: 'REFUNDED' },
        ),
      ],
      rejected: [],
    });
    const due = await list({ refundsDue: true });
    expect(due.edges.map((e) => e.node.channelReturnId)).not.toContain('UNIT-DUE-SOON');
    expect((await service.clockCandidates(new Date())).map((r) => r.channelReturnId)).toEqual(
      expect.arrayContaining(['UNIT-OVERDUE', 'UNIT-BY-CHANNEL']),
    );
  });

  it('lists returns by filter and page: refunds due oldest receipt first, statuses, search by RMA, order number and SKU', async () => {
    const due = await list({ refundsDue: true });
    const receipts = due.edges.map((e) => Date.parse(e.node.receivedAt!));
    expect(receipts.length).toBeGreaterThanOrEqual(3);
    expect([...receipts].sort((a, b) => a - b)).toEqual(receipts);
    expect(due.edges.every((e) => e.node.status === 'RECEIVED' && e.node.refundedBy !== 'CHANNEL')).toBe(true);

    // Page by page, one at a time, the same rows in the same order.
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await list({ refundsDue: true }, 1, after);
      expect(page.totalCount).toBe(due.totalCount);
      paged.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(due.edges.map((e) => e.node.id));

    const all = await list({});
    const requested = all.edges.map((e) => e.node);
    expect(all.totalCount).toBe(requested.length);
    const refundedOnly = await list({ statuses: ['REFUNDED'] });
    expect(refundedOnly.edges.map((e) => e.node.id).sort()).toEqual(
      requested
        .filter((r) => r.status === 'REFUNDED')
        .map((r) => r.id)
        .sort(),
    );

    const sample = requested.find((r) => r.channelReturnId === 'UNIT-OVERDUE')!;
    expect((await list({ search: 'unit-overdue' })).edges.map((e) => e.node.id)).toEqual([sample.id]);
    const byOrder = await list({ search: sample.orderNumber });
    expect(byOrder.edges.map((e) => e.node.id)).toContain(sample.id);
    expect(byOrder.edges.every((e) => e.node.orderNumber === sample.orderNumber)).toBe(true);
    const sku = sample.lines[0].sku!;
    expect(
      (await list({ search: sku })).edges.every((e) =>
        e.node.lines.some((l) => l.sku?.toUpperCase().includes(sku.toUpperCase())),
      ),
    ).toBe(true);
    expect((await list({ orderId: sample.orderId })).edges.map((e) => e.node.id)).toContain(sample.id);
    expect((await list({ search: 'no-such-return-anywhere' })).totalCount).toBe(0);

    const blank = await app.gql(RETURNS, { filter: { search: '  ' } });
    expect(blank.errors![0]).toMatchObject({
      message: 'filter.search: must not be blank.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const tooMany = await app.gql(`{ returns(first: 201) { edges { cursor } } }`);
    expect(tooMany.errors![0].message).toBe('first: must be between 1 and 200.');
    const badCursor = await app.gql(RETURNS, { filter: { refundsDue: true }, after: all.pageInfo.endCursor });
    expect(badCursor.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const unknown = await app.gql(REFRESH, { a: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors![0]).toMatchObject({
      message: 'Channel account 00000000-0000-4000-8000-000000000000 does not exist.',
      extensions: { code: 'NOT_FOUND' },
    });
    const malformed = await app.gql(`{ return(id: "42") { id } }`);
    expect(malformed.errors![0].message).toBe('id: must be an id returned by the API (a UUID).');

    // A viewer reads returns but may not pull them.
    const viewer = (
      await app.gql(`mutation { createApiToken(input: { name: "returns viewer", role: VIEWER }) { token } }`)
    ).data!.createApiToken.token as string;
    expect((await app.gql(RETURNS, { filter: {} }, viewer)).errors).toBeUndefined();
    const denied = await app.gql(REFRESH, { a: walmart.hubId }, viewer);
    expect(denied.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('lets one process at a time hold an account for a pull, and another take it once the lease has run out', async () => {
    const states = app.running.app.get(ReturnSyncStateRepository);
    const now = new Date();
    const until = new Date(now.getTime() + 60_000);
    const claims = await Promise.all(['process-a', 'process-b'].map((h) => states.claim(walmart.hubId, h, now, until)));
    const winners = claims.filter((c) => c !== null);
    expect(winners).toHaveLength(1);
    expect((await returnsSync(walmart.hubId)).running).toBe(true);
    // Due by its time, the schedule still leaves it alone while it is held, and takes it once the lease ran out.
    await app.ds.query(`UPDATE return_sync_state SET next_run_at = $2 WHERE account_id = $1`, [
      walmart.hubId,
      new Date(now.getTime() - 60_000),
    ]);
    expect(await states.dueAmong([walmart.hubId], new Date(now.getTime() + 30_000))).toEqual([]);
    expect(await states.dueAmong([walmart.hubId], new Date(until.getTime() + 1))).toEqual([walmart.hubId]);
    const later = new Date(until.getTime() + 1);
    expect(await states.claim(walmart.hubId, 'process-c', later, new Date(later.getTime() + 60_000))).not.toBeNull();
    expect(await states.release(walmart.hubId, winners[0].leaseHolder!, {})).toBe(false);
    expect(await states.release(walmart.hubId, 'process-c', {})).toBe(true);
    expect((await returnsSync(walmart.hubId)).running).toBe(false);
  });
});
