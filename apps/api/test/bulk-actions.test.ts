import { randomUUID } from 'node:crypto';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const RESULT = `total succeeded failed results { orderId channelOrderId ok message code buyerAskedToCancel }`;
const ACK = `mutation($target: BulkTarget!) { bulkAcknowledge(target: $target) { ${RESULT} } }`;
const CANCEL = `mutation($target: BulkTarget!, $reason: String!) { bulkCancel(target: $target, reason: $reason) { ${RESULT} } }`;
const ROUTE = `mutation($target: BulkTarget!) { bulkRouteToMcf(target: $target) { ${RESULT} } }`;
const SHIP = `mutation($rows: [BulkShipRowInput!]!) { bulkShip(rows: $rows) { ${RESULT} } }`;
const PREVIEW = `query($target: BulkTarget!) {
  bulkPreview(target: $target) { total orderIds orders { id channelOrderId } buyerAskedToCancel { orderId channelOrderId } }
}`;

interface Result {
  orderId: string;
  channelOrderId: string | null;
  ok: boolean;
  message: string | null;
  code: string | null;
  buyerAskedToCancel: boolean;
}

const created = (overrides: Parameters<typeof anOrder>[0] = {}) =>
  anOrder({ status: 'CREATED', acknowledgedAt: null, ...overrides });
const createdLine = { ...anOrder().lines[0], status: 'CREATED' as const };

describe.each(testDatabases())('bulk actions on %s', (kind) => {
  let app: TestApp;
  let walmart: ChannelAccountEntity;
  let amazon: ChannelAccountEntity;

  beforeAll(async () => {
    app = await startTestApp(kind);
    walmart = await anAccount(app, 'WALMART');
    amazon = await anAccount(app, 'AMAZON');
  });

  afterAll(() => app?.close());

  const statusOf = async (ids: string[]): Promise<string[]> => {
    const rows: { id: string; status: string }[] = await app.ds.query(
      `SELECT id, status FROM "order" WHERE id = ANY($1)`,
      [ids],
    );
    const by = new Map(rows.map((r) => [r.id, r.status]));
    return ids.map((id) => by.get(id) ?? 'MISSING');
  };

  it('acknowledges a selection, one result per order in the order asked, failures in words', async () => {
    const ids = await insertOrders(app, walmart, [
      created({ lines: [createdLine] }),
      created({ lines: [createdLine] }),
      created({ lines: [createdLine] }),
    ]);
    const [amazonId] = await insertOrders(app, amazon, [anOrder()]);
    const unknown = randomUUID();
    const asked = [ids[0], unknown, amazonId, ids[1], ids[2]];
    const res = await app.gql<{
      bulkAcknowledge: { total: number; succeeded: number; failed: number; results: Result[] };
    }>(ACK, { target: { orderIds: asked } });
    expect(res.errors).toBeUndefined();
    const out = res.data!.bulkAcknowledge;
    expect(out.results.map((r) => r.orderId)).toEqual(asked);
    expect(out).toMatchObject({ total: 5, succeeded: 4, failed: 1 });
    expect(out.results[1]).toMatchObject({ ok: false, code: 'NOT_FOUND', channelOrderId: null });
    expect(out.results[1].message).toBe(`Order ${unknown} does not exist.`);
    expect(out.results[2]).toMatchObject({ ok: true, code: 'NOT_NEEDED' });
    expect(out.results[2].message).toMatch(/needs no acknowledgement/);
    expect(await statusOf(ids)).toEqual(['ACKNOWLEDGED', 'ACKNOWLEDGED', 'ACKNOWLEDGED']);
    // The audit names the caller, as the single action does.
    const audit: { actor: string }[] = await app.ds.query(
      `SELECT actor FROM audit_event WHERE action = 'order.acknowledged' AND order_id = ANY($1)`,
      [ids],
    );
    expect(audit).toHaveLength(3);
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set(['token:test admin']));

    // Another operator asking again is told there is nothing to do (the same caller again gets its first answer).
    const operator = await app.gql(
      `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`,
      {
        input: { name: 'bulk-operator', role: 'OPERATOR' },
      },
    );
    const again = await app.gql<{ bulkAcknowledge: { results: Result[] } }>(
      ACK,
      { target: { orderIds: ids } },
      operator.data!.createApiToken.token as string,
    );
    expect(again.data!.bulkAcknowledge.results.map((r) => [r.ok, r.code, r.message])).toEqual([
      [true, 'ALREADY_ACKNOWLEDGED', 'Already acknowledged.'],
      [true, 'ALREADY_ACKNOWLEDGED', 'Already acknowledged.'],
      [true, 'ALREADY_ACKNOWLEDGED', 'Already acknowledged.'],
    ]);
  });

  it('acknowledges all N matching a filter only at the count the person saw; otherwise nothing is done', async () => {
    const account = await anAccount(app, 'WALMART', 'America/New_York');
    const ids = await insertOrders(
      app,
      account,
      Array.from({ length: 4 }, () => created({ lines: [createdLine] })),
    );
    const filter = { accountId: account.id, view: 'ALL', statuses: ['CREATED'] };

    const stale = await app.gql(ACK, { target: { filter, expectedCount: 3 } });
    expect(stale.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(stale.errors?.[0].message).toMatch(/4 orders match now, not the 3 shown; nothing was done/);
    expect(await statusOf(ids)).toEqual(['CREATED', 'CREATED', 'CREATED', 'CREATED']);

    const preview = await app.gql<{ bulkPreview: { total: number; orderIds: string[] } }>(PREVIEW, {
      target: { filter, expectedCount: 4 },
    });
    expect(preview.errors).toBeUndefined();
    expect([...preview.data!.bulkPreview.orderIds].sort()).toEqual([...ids].sort());

    const res = await app.gql<{ bulkAcknowledge: { succeeded: number; results: Result[] } }>(ACK, {
      target: { filter, expectedCount: 4 },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.bulkAcknowledge.succeeded).toBe(4);
    expect(await statusOf(ids)).toEqual(['ACKNOWLEDGED', 'ACKNOWLEDGED', 'ACKNOWLEDGED', 'ACKNOWLEDGED']);
  });

  it('refuses more than 500 orders, a target naming both or neither, and a filter without the count seen', async () => {
    const many = Array.from({ length: 501 }, () => randomUUID());
    const tooMany = await app.gql(ACK, { target: { orderIds: many } });
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'target.orderIds' } });
    expect(tooMany.errors?.[0].message).toMatch(/at most 500 orders at a time/);

    const both = await app.gql(ACK, {
      target: { orderIds: [randomUUID()], filter: { view: 'NEW' }, expectedCount: 1 },
    });
    expect(both.errors?.[0].message).toMatch(/name either orderIds or filter/);
    const noCount = await app.gql(ACK, { target: { filter: { view: 'NEW' } } });
    expect(noCount.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'target.expectedCount' },
    });
  });

  it('ships from a grid: one bad tracking number fails that row alone, with the rule in words', async () => {
    const ids = await insertOrders(app, walmart, [anOrder(), anOrder(), anOrder()]);
    const res = await app.gql<{ bulkShip: { succeeded: number; failed: number; results: Result[] } }>(SHIP, {
      rows: [
        { orderId: ids[0], carrier: 'UPS', trackingNumber: validTrackingNumber('UPS') },
        { orderId: ids[1], carrier: 'UPS', trackingNumber: '1Z12' },
        { orderId: ids[2], carrier: 'USPS', trackingNumber: validTrackingNumber('USPS') },
      ],
    });
    expect(res.errors).toBeUndefined();
    const out = res.data!.bulkShip;
    expect(out).toMatchObject({ succeeded: 2, failed: 1 });
    expect(out.results.map((r) => r.orderId)).toEqual(ids);
    expect(out.results[1]).toMatchObject({ ok: false, code: 'RULE_VIOLATION' });
    expect(out.results[1].message).toMatch(/tracking number/i);
    expect(out.results[1].message).not.toMatch(/Blocked by/);
    expect(await statusOf(ids)).toEqual(['SHIPPED', 'ACKNOWLEDGED', 'SHIPPED']);
    // Every open line went, as one package per order.
    const shipped: { order_id: string; quantity: number }[] = await app.ds.query(
      `SELECT s.order_id, sum(sl.quantity)::int AS quantity FROM shipment s JOIN shipment_line sl ON sl.shipment_id = s.id
       WHERE s.order_id = ANY($1) GROUP BY s.order_id`,
      [ids],
    );
    expect(shipped.map((s) => [s.order_id, s.quantity]).sort()).toEqual(
      [
        [ids[0], 1],
        [ids[2], 1],
      ].sort(),
    );
  });

  it('refuses a bulk ship naming an order twice, and reports an order with nothing left to ship', async () => {
    const [id] = await insertOrders(app, walmart, [anOrder()]);
    const twice = await app.gql(SHIP, {
      rows: [
        { orderId: id, carrier: 'UPS', trackingNumber: validTrackingNumber('UPS') },
        { orderId: id, carrier: 'UPS', trackingNumber: validTrackingNumber('UPS') },
      ],
    });
    expect(twice.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'rows' } });
    await app.gql(SHIP, { rows: [{ orderId: id, carrier: 'UPS', trackingNumber: validTrackingNumber('UPS') }] });
    const done = await app.gql<{ bulkShip: { results: Result[] } }>(SHIP, {
      rows: [{ orderId: id, carrier: 'UPS', trackingNumber: validTrackingNumber('UPS') }],
    });
    expect(done.data!.bulkShip.results[0]).toMatchObject({ ok: false, code: 'NOTHING_OPEN' });
    expect(done.data!.bulkShip.results[0].message).toMatch(/has nothing left to ship/);
  });

  it("cancels with one reason; an order whose channel has no such reason fails in the rules' words", async () => {
    const walmartIds = await insertOrders(app, walmart, [anOrder(), anOrder()]);
    const [amazonId] = await insertOrders(app, amazon, [anOrder()]);
    const res = await app.gql<{ bulkCancel: { succeeded: number; failed: number; results: Result[] } }>(CANCEL, {
      target: { orderIds: [walmartIds[0], amazonId, walmartIds[1]] },
      reason: 'SELLER_CANCEL_OUT_OF_STOCK',
    });
    expect(res.errors).toBeUndefined();
    const out = res.data!.bulkCancel;
    expect(out).toMatchObject({ succeeded: 2, failed: 1 });
    expect(out.results[1]).toMatchObject({ orderId: amazonId, ok: false, code: 'RULE_VIOLATION' });
    expect(out.results[1].message).toBe('Amazon has no cancellation reason SELLER_CANCEL_OUT_OF_STOCK.');
    expect(await statusOf([...walmartIds, amazonId])).toEqual(['CANCELLED', 'CANCELLED', 'ACKNOWLEDGED']);

    const blank = await app.gql(CANCEL, { target: { orderIds: [amazonId] }, reason: '  ' });
    expect(blank.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
  });

  it('names the orders whose buyer asked to cancel, and a buyer-request reason works on them alone', async () => {
    const askedLine = { ...anOrder().lines[0], cancellationRequested: true };
    const ids = await insertOrders(app, walmart, [
      anOrder({ cancellationRequested: true, lines: [askedLine] }),
      anOrder(),
    ]);
    const preview = await app.gql<{ bulkPreview: { buyerAskedToCancel: { orderId: string }[] } }>(PREVIEW, {
      target: { orderIds: ids },
    });
    expect(preview.data!.bulkPreview.buyerAskedToCancel.map((o) => o.orderId)).toEqual([ids[0]]);
    const res = await app.gql<{ bulkCancel: { results: Result[] } }>(CANCEL, {
      target: { orderIds: ids },
      reason: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
    });
    const [first, second] = res.data!.bulkCancel.results;
    expect(first).toMatchObject({ ok: true, buyerAskedToCancel: true });
    expect(second).toMatchObject({ ok: false, code: 'RULE_VIOLATION', buyerAskedToCancel: false });
    expect(second.message).toMatch(/The buyer did not ask to cancel line 1/);
  });

  it('routes to MCF order by order, saying why each was not routed', async () => {
    const [walmartId] = await insertOrders(app, walmart, [anOrder()]);
    const [amazonId] = await insertOrders(app, amazon, [anOrder()]);
    const res = await app.gql<{ bulkRouteToMcf: { failed: number; results: Result[] } }>(ROUTE, {
      target: { orderIds: [walmartId, amazonId] },
    });
    expect(res.errors).toBeUndefined();
    const [w, a] = res.data!.bulkRouteToMcf.results;
    expect(w).toMatchObject({ orderId: walmartId, ok: false, code: 'NOT_ROUTED' });
    expect(w.message).toMatch(/No routing rule matches this order/);
    expect(a).toMatchObject({ orderId: amazonId, ok: false, code: 'REFUSED' });
    expect(a.message).toBeTruthy();
    expect(await statusOf([walmartId, amazonId])).toEqual(['ACKNOWLEDGED', 'ACKNOWLEDGED']);
  });

  it('lets a VIEWER preview but not act', async () => {
    const made = await app.gql(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`, {
      input: { name: 'bulk-viewer', role: 'VIEWER' },
    });
    const viewer = made.data!.createApiToken.token as string;
    const [id] = await insertOrders(app, walmart, [created({ lines: [createdLine] })]);
    expect((await app.gql(PREVIEW, { target: { orderIds: [id] } }, viewer)).errors).toBeUndefined();
    for (const [query, variables] of [
      [ACK, { target: { orderIds: [id] } }],
      [CANCEL, { target: { orderIds: [id] }, reason: 'SELLER_CANCEL_OUT_OF_STOCK' }],
      [ROUTE, { target: { orderIds: [id] } }],
      [SHIP, { rows: [{ orderId: id, carrier: 'UPS', trackingNumber: validTrackingNumber('UPS') }] }],
    ] as const) {
      const res = await app.gql(query, variables, viewer);
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    expect(await statusOf([id])).toEqual(['CREATED']);
  });
});
