import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { officialExamples } from '@order-hub/contracts';
import { type Sandbox, createSandbox } from '../src';
import { WalmartClient } from './helpers/clients';
import { SINGLE, refund, shipLine, shipment } from './helpers/fixtures';
import { T0, startSandbox, walmartSeller } from './helpers/sandbox';
import { control } from './helpers/control';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const HISTORY = { late: 0.1, invalidTracking: 0, cancelled: 0.05, delivered: 0.9, lateDelivery: 0.1 };

/** Every return the account has, following Walmart's nextCursor until it comes back empty. */
async function allReturns(client: WalmartClient, first: string): Promise<{ pages: number; returns: any[] }> {
  const returns: any[] = [];
  let path = first;
  let pages = 0;
  for (;;) {
    const res = await client.call('GET', path);
    expect(res.status).toBe(200);
    pages += 1;
    returns.push(...res.body.returnOrders);
    if (res.body.meta.nextCursor === '') return { pages, returns };
    path = `/v3/returns${res.body.meta.nextCursor}`;
  }
}

/** A shipped single-line order of `quantity` units and a return of all of them, opened now. */
async function shippedReturn(sandbox: Sandbox, quantity = 3, reason = 'DEFECTIVE') {
  const seller = await walmartSeller(sandbox, 1, { mix: { ...SINGLE.mix, multiQuantity: 1 } });
  const po = seller.orderIds[0];
  const acked = await seller.client.call('POST', `/v3/orders/${po}/acknowledge`);
  const line = acked.body.order.orderLines.orderLine[0];
  const ordered = Number(line.orderLineQuantity.amount);
  await seller.client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', ordered)));
  const created = await control(sandbox, 'POST', '/walmart/returns', {
    accountId: seller.creds.accountId,
    purchaseOrderId: po,
    lines: [{ lineNumber: '1', quantity: Math.min(quantity, ordered), reason }],
  });
  expect(created.status).toBe(201);
  return { ...seller, po, ordered, line, ret: created.body };
}

const refundBody = (customerOrderId: string, lines: [number, number?][]) => ({
  customerOrderId,
  refundLines: lines.map(([returnOrderLineNumber, measurementValue]) => ({
    returnOrderLineNumber,
    ...(measurementValue !== undefined ? { quantity: { unitOfMeasure: 'EA', measurementValue } } : {}),
  })),
});

async function readReturn(client: WalmartClient, returnOrderId: string) {
  const res = await client.call('GET', `/v3/returns?returnOrderId=${returnOrderId}`);
  expect(res.body.meta.totalCount).toBe(1);
  return res.body.returnOrders[0];
}

describe('Walmart returns', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.clock.set(T0);
  });

  describe('over a generated history', () => {
    let client: WalmartClient;
    let everything: any[];
    let deliveredOrders: number;
    beforeAll(async () => {
      sandbox.clock.set(T0);
      const seller = await walmartSeller(sandbox, 600, { placedWithinHours: 45 * 24, history: HISTORY });
      client = seller.client;
      deliveredOrders = seller.orderIds.filter((id) => {
        const { view } = sandbox.orderState('WALMART', id) as { view: any };
        return view.order.orderLines.orderLine.some((l: any) =>
          l.orderLineStatuses.orderLineStatus.some((s: any) => s.status === 'Delivered'),
        );
      }).length;
      everything = (await allReturns(client, '/v3/returns?limit=200')).returns;
    });

    it('gives about 8 % of delivered orders a return, deterministic from the seed', async () => {
      expect(deliveredOrders).toBeGreaterThan(300);
      const share = everything.length / deliveredOrders;
      expect(share).toBeGreaterThan(0.04);
      expect(share).toBeLessThan(0.13);
      const again = await walmartSeller(sandbox, 600, { placedWithinHours: 45 * 24, history: HISTORY });
      const replayed = (await allReturns(again.client, '/v3/returns?limit=200')).returns;
      const shape = (r: any) =>
        r.returnOrderLines.map((l: any) => [l.purchaseOrderId, l.returnReason, l.quantity, l.status, l.refundChannel]);
      expect(replayed.map(shape)).toEqual(everything.map(shape));
    });

    it('pages with the nextCursor Walmart sends, the same returns as one large page', async () => {
      const paged = await allReturns(client, '/v3/returns?limit=10');
      expect(paged.pages).toBe(Math.ceil(everything.length / 10));
      const ids = paged.returns.map((r) => r.returnOrderId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(everything.map((r) => r.returnOrderId));
      const first = await client.call('GET', '/v3/returns?limit=10');
      expect(first.body.meta).toMatchObject({ totalCount: everything.length, limit: 10 });
      expect(first.body.meta.nextCursor).toMatch(/^\?sellerId=\d+&limit=10&offset=10/);
      const byDefault = await client.call('GET', '/v3/returns');
      expect(byDefault.body.returnOrders).toHaveLength(10);
    });

    it('filters by status, ids, creation and last-modified dates, and keeps the filters in the cursor', async () => {
      const completed = await allReturns(client, '/v3/returns?status=COMPLETED&limit=25');
      expect(completed.returns.length).toBeGreaterThan(0);
      for (const r of completed.returns)
        expect(r.returnOrderLines.some((l: any) => l.status === 'COMPLETED')).toBe(true);
      const reasons = new Set(everything.flatMap((r) => r.returnOrderLines.map((l: any) => l.returnReason)));
      expect(reasons.size).toBeGreaterThan(5);
      // Received more than 48 hours ago: refunded by the seller in time, or by Walmart after the 48 hours.
      const old = everything.filter((r) =>
        r.returnOrderLines.every((l: any) =>
          l.returnTrackingDetail.some(
            (e: any) => e.eventTag === 'RETURN_DELIVERED' && Date.parse(e.eventTime) < T0.getTime() - 2 * DAY,
          ),
        ),
      );
      expect(old.length).toBeGreaterThan(0);
      const channels = new Set(old.flatMap((r) => r.returnOrderLines.map((l: any) => l.refundChannel)));
      expect(channels).toEqual(new Set(['SELLER_MANUAL_REFUND', 'WALMART_TRIGGERED_REFUND']));
      for (const r of old) for (const l of r.returnOrderLines) expect(l.status).toBe('COMPLETED');

      const sample = everything[Math.floor(everything.length / 2)];
      const byId = await client.call('GET', `/v3/returns?returnOrderId=${sample.returnOrderId}`);
      expect(byId.body.returnOrders.map((r: any) => r.returnOrderId)).toEqual([sample.returnOrderId]);
      const byCustomer = await client.call('GET', `/v3/returns?customerOrderId=${sample.customerOrderId}`);
      expect(byCustomer.body.returnOrders.map((r: any) => r.returnOrderId)).toContain(sample.returnOrderId);

      const from = new Date(T0.getTime() - 10 * DAY).toISOString();
      const created = await allReturns(client, `/v3/returns?returnCreationStartDate=${from}&limit=5`);
      expect(created.returns.length).toBe(everything.filter((r) => r.returnOrderDate >= from).length);
      for (const r of created.returns) expect(r.returnOrderDate >= from).toBe(true);

      const since = new Date(T0.getTime() - DAY).toISOString();
      const modified = await allReturns(client, `/v3/returns?returnLastModifiedStartDate=${since}&limit=200`);
      const changedSince = (r: any) =>
        [
          r.returnOrderDate,
          ...r.returnOrderLines.flatMap((l: any) => [
            ...l.returnTrackingDetail.map((e: any) => e.eventTime),
            ...l.currentTrackingStatuses.map((s: any) => s.statusTime),
          ]),
        ].some((t) => t >= since);
      expect(modified.returns.map((r) => r.returnOrderId).sort()).toEqual(
        everything
          .filter(changedSince)
          .map((r) => r.returnOrderId)
          .sort(),
      );
      const none = await client.call(
        'GET',
        `/v3/returns?returnCreationStartDate=${new Date(T0.getTime() + DAY).toISOString()}`,
      );
      expect(none.body).toEqual({ meta: { totalCount: 0, limit: 10, nextCursor: '' }, returnOrders: [] });
    });

    it('answers bad filters with Walmart 400 envelopes naming the parameter', async () => {
      for (const [query, field] of [
        ['limit=201', 'limit'],
        ['limit=abc', 'limit'],
        ['status=RECEIVED', 'status'],
        ['returnType=EXCHANGE', 'returnType'],
        ['replacementInfo=yes', 'replacementInfo'],
        ['returnCreationStartDate=yesterday', 'returnCreationStartDate'],
        ['returnLastModifiedEndDate=2026-13-45T00:00:00Z', 'returnLastModifiedEndDate'],
      ]) {
        const res = await client.call('GET', `/v3/returns?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.errors.error[0]).toMatchObject({ code: 'INVALID_REQUEST_PARAM.GMP_ORDER_API', field });
      }
      const reversed = await client.call(
        'GET',
        '/v3/returns?returnCreationStartDate=2026-11-10T00:00:00Z&returnCreationEndDate=2026-11-01T00:00:00Z',
      );
      expect(reversed.body.errors.error[0].field).toBe('returnCreationStartDate');
    });

    it('gives returnType only with replacementInfo=true', async () => {
      const plain = await client.call('GET', '/v3/returns?limit=1');
      expect(plain.body.returnOrders[0].returnType).toBeUndefined();
      const info = await client.call('GET', '/v3/returns?limit=1&replacementInfo=true');
      expect(info.body.returnOrders[0].returnType).toBe('REFUND');
      const replacements = await client.call('GET', '/v3/returns?returnType=REPLACEMENT');
      expect(replacements.body.meta.totalCount).toBe(0);
    });
  });

  it('refunds part of a received return, then the rest, and shows both on the purchase order', async () => {
    const { client, po, ret, line } = await shippedReturn(sandbox, 3);
    const price = line.charges.charge[0].chargeAmount.amount as number;
    const unitPrice = price / Number(line.orderLineQuantity.amount);
    expect(ret.returnOrderLines[0]).toMatchObject({
      status: 'INITIATED',
      currentDeliveryStatus: 'NOT_SHIPPED',
      returnReason: 'DEFECTIVE',
      purchaseOrderId: po,
      purchaseOrderLineNumber: 1,
      refundedQty: 0,
    });
    sandbox.clock.advance(2 * DAY);
    await client.authenticate();
    expect((await readReturn(client, ret.returnOrderId)).returnOrderLines[0].currentDeliveryStatus).toBe('IN_TRANSIT');
    const delivered = await control(sandbox, 'POST', `/walmart/returns/${ret.returnOrderId}/deliver`);
    expect(delivered.status).toBe(200);
    expect(delivered.body.returnOrderLines[0]).toMatchObject({
      status: 'DELIVERED',
      currentDeliveryStatus: 'DELIVERED',
    });
    expect((await control(sandbox, 'POST', `/walmart/returns/${ret.returnOrderId}/deliver`)).status).toBe(409);

    sandbox.clock.advance(HOUR);
    await client.authenticate();
    const partial = await client.call(
      'POST',
      `/v3/returns/${ret.returnOrderId}/refund`,
      refundBody(ret.customerOrderId, [[1, 1]]),
    );
    expect(partial.status).toBe(200);
    expect(partial.body).toEqual({
      returnOrderId: ret.returnOrderId,
      customerOrderId: ret.customerOrderId,
      refundLines: [{ returnOrderLineNumber: 1, quantity: { unitOfMeasure: 'EA', measurementValue: 1 } }],
    });
    const afterPartial = (await readReturn(client, ret.returnOrderId)).returnOrderLines[0];
    expect(afterPartial).toMatchObject({ status: 'DELIVERED', refundedQty: 1, refundChannel: 'SELLER_MANUAL_REFUND' });
    expect(afterPartial.currentTrackingStatuses).toEqual([
      expect.objectContaining({ status: 'DELIVERED', quantity: { measurementValue: 2, unitOfMeasure: 'EACH' } }),
      expect.objectContaining({
        status: 'COMPLETED',
        currentRefundStatus: 'REFUND_COMPLETED',
        quantity: { measurementValue: 1, unitOfMeasure: 'EACH' },
      }),
    ]);
    const order = await client.call('GET', `/v3/orders/${po}`);
    const charges = order.body.order.orderLines.orderLine[0].refund.refundCharges.refundCharge;
    expect(charges).toHaveLength(1);
    expect(charges[0].refundReason).toBe('Customer returned item');
    expect(charges[0].charge.chargeAmount.amount).toBeCloseTo(-unitPrice, 2);

    // Without a quantity, every unit received and not yet refunded.
    const rest = await client.call(
      'POST',
      `/v3/returns/${ret.returnOrderId}/refund`,
      refundBody(ret.customerOrderId, [[1]]),
    );
    expect(rest.body.refundLines[0].quantity.measurementValue).toBe(2);
    const done = (await readReturn(client, ret.returnOrderId)).returnOrderLines[0];
    expect(done).toMatchObject({ status: 'COMPLETED', refundedQty: 3, currentRefundStatus: 'REFUND_COMPLETED' });
    expect(done.refundChannels).toEqual([
      { refundChannelName: 'SELLER_MANUAL_REFUND', quantity: { measurementValue: 3, unitOfMeasure: 'EACH' } },
    ]);
    const finalOrder = await client.call('GET', `/v3/orders/${po}`);
    const total = finalOrder.body.order.orderLines.orderLine[0].refund.refundCharges.refundCharge.reduce(
      (s: number, c: any) => s + c.charge.chargeAmount.amount,
      0,
    );
    expect(total).toBeCloseTo(-unitPrice * ret.returnOrderLines[0].quantity.measurementValue, 2);
    const completed = await client.call('GET', `/v3/returns?status=COMPLETED&customerOrderId=${ret.customerOrderId}`);
    expect(completed.body.meta.totalCount).toBe(1);
  });

  it('refuses every refund Walmart would refuse, naming the field, and changes nothing', async () => {
    const { client, po, ret, ordered } = await shippedReturn(sandbox, 2);
    const returned = Math.min(2, ordered);
    const url = `/v3/returns/${ret.returnOrderId}/refund`;
    const refused = async (body: unknown, field: string, description: RegExp, status = 400) => {
      const res = await client.call('POST', url, body);
      expect(res.status).toBe(status);
      expect(res.body.errors.error[0].field).toBe(field);
      expect(res.body.errors.error[0].description).toMatch(description);
    };
    await refused(
      refundBody(ret.customerOrderId, [[1, 1]]),
      'refundLines[0].returnOrderLineNumber',
      /not been received/,
    );
    await control(sandbox, 'POST', `/walmart/returns/${ret.returnOrderId}/deliver`);
    const unknown = await client.call(
      'POST',
      '/v3/returns/100000000000000000/refund',
      refundBody(ret.customerOrderId, [[1, 1]]),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors.error[0]).toMatchObject({
      code: 'CONTENT_NOT_FOUND.GMP_ORDER_API',
      field: 'returnOrderId',
    });
    await refused(refundBody('9999999999999', [[1, 1]]), 'customerOrderId', /not the customer order/);
    await refused(refundBody(ret.customerOrderId, [[2, 1]]), 'refundLines[0].returnOrderLineNumber', /does not exist/);
    await refused(
      refundBody(ret.customerOrderId, [[1, returned + 1]]),
      'refundLines[0].quantity.measurementValue',
      /exceeds the \d+ units/,
    );
    await refused(refundBody(ret.customerOrderId, [[1, 0]]), 'refundLines[0].quantity.measurementValue', /at least 1/);
    await refused(
      {
        customerOrderId: ret.customerOrderId,
        refundLines: [{ returnOrderLineNumber: 1, quantity: { unitOfMeasure: 'LB', measurementValue: 1 } }],
      },
      'refundLines[0].quantity.unitOfMeasure',
      /EA or EACH/,
    );
    await refused({ customerOrderId: ret.customerOrderId, refundLines: [] }, 'refundLines', /at least one/);
    // The model's own checks: a body without refundLines never reaches the route.
    await refused({ customerOrderId: ret.customerOrderId }, 'refundLines', /required/);
    expect((await readReturn(client, ret.returnOrderId)).returnOrderLines[0].refundedQty).toBe(0);

    // The seller already refunded the whole line through the orders API: nothing left to pay back.
    const order = await client.call('GET', `/v3/orders/${po}`);
    const charge = order.body.order.orderLines.orderLine[0].charges.charge[0];
    await client.call(
      'POST',
      `/v3/orders/${po}/refund`,
      refund(po, '1', -charge.chargeAmount.amount, -charge.tax.taxAmount.amount),
    );
    await refused(
      refundBody(ret.customerOrderId, [[1, 1]]),
      'refundLines[0].quantity.measurementValue',
      /exceeds what is left/,
    );

    const fresh = await shippedReturn(sandbox, 1);
    await control(sandbox, 'POST', `/walmart/returns/${fresh.ret.returnOrderId}/deliver`);
    const url2 = `/v3/returns/${fresh.ret.returnOrderId}/refund`;
    expect((await fresh.client.call('POST', url2, refundBody(fresh.ret.customerOrderId, [[1, 1]]))).status).toBe(200);
    const twice = await fresh.client.call('POST', url2, refundBody(fresh.ret.customerOrderId, [[1, 1]]));
    expect(twice.status).toBe(400);
    expect(twice.body.errors.error[0].description).toMatch(/already fully refunded/);
  });

  it('has Walmart refund a received return itself 48 hours after receipt, counted on the order', async () => {
    const { client, po, ret, ordered } = await shippedReturn(sandbox, 2);
    const receivedAt = sandbox.clock.advance(3 * DAY).getTime();
    await control(sandbox, 'POST', `/walmart/returns/${ret.returnOrderId}/deliver`);
    sandbox.clock.advance(47 * HOUR);
    await client.authenticate();
    const before = (await readReturn(client, ret.returnOrderId)).returnOrderLines[0];
    expect(before).toMatchObject({ status: 'DELIVERED', refundedQty: 0 });
    expect((await client.call('GET', `/v3/orders/${po}`)).body.order.orderLines.orderLine[0].refund).toBeUndefined();

    sandbox.clock.advance(2 * HOUR);
    await client.authenticate();
    const dueAt = new Date(receivedAt + 48 * HOUR).toISOString();
    const after = (await readReturn(client, ret.returnOrderId)).returnOrderLines[0];
    expect(after).toMatchObject({
      status: 'COMPLETED',
      statusTime: dueAt,
      refundedQty: Math.min(2, ordered),
      refundChannel: 'WALMART_TRIGGERED_REFUND',
    });
    const modified = await client.call(
      'GET',
      `/v3/returns?returnLastModifiedStartDate=${new Date(receivedAt + 47 * HOUR).toISOString()}`,
    );
    expect(modified.body.returnOrders.map((r: any) => r.returnOrderId)).toEqual([ret.returnOrderId]);
    const order = (await client.call('GET', `/v3/orders/${po}`)).body.order;
    expect(order.orderLines.orderLine[0].refund.refundCharges.refundCharge[0].refundReason).toBe(
      'Customer returned item',
    );
    const late = await client.call(
      'POST',
      `/v3/returns/${ret.returnOrderId}/refund`,
      refundBody(ret.customerOrderId, [[1, 1]]),
    );
    expect(late.status).toBe(400);
    expect(late.body.errors.error[0].description).toMatch(/already fully refunded/);
  });

  it('lets injected faults reach both operations; a silently dropped refund changes nothing', async () => {
    const { client, ret } = await shippedReturn(sandbox, 1);
    await control(sandbox, 'POST', `/walmart/returns/${ret.returnOrderId}/deliver`);
    const listFault = sandbox.injectFault({
      channel: 'WALMART',
      route: '/walmart/v3/returns',
      method: 'GET',
      error500: 1,
      times: 1,
    });
    const failed = await client.call('GET', '/v3/returns');
    expect(failed.status).toBe(500);
    expect(failed.body.errors.error[0].code).toBe('SYSTEM_ERROR.GMP_ORDER_API');
    expect((await client.call('GET', '/v3/returns')).status).toBe(200);
    sandbox.clearFaults(listFault.id);
    const drop = sandbox.injectFault({
      channel: 'WALMART',
      route: '/walmart/v3/returns/:returnOrderId/refund',
      silentDrop: 1,
      times: 1,
    });
    const url = `/v3/returns/${ret.returnOrderId}/refund`;
    expect((await client.call('POST', url, refundBody(ret.customerOrderId, [[1, 1]]))).status).toBe(200);
    expect((await readReturn(client, ret.returnOrderId)).returnOrderLines[0].refundedQty).toBe(0);
    sandbox.clearFaults(drop.id);
    sandbox.injectFault({
      channel: 'WALMART',
      route: '/walmart/v3/returns/:returnOrderId/refund',
      error429: 1,
      times: 1,
    });
    expect((await client.call('POST', url, refundBody(ret.customerOrderId, [[1, 1]]))).status).toBe(429);
    expect((await client.call('POST', url, refundBody(ret.customerOrderId, [[1, 1]]))).status).toBe(200);
  });

  it('creates returns from the control API only for shipped units, with the model reason codes', async () => {
    const seller = await walmartSeller(sandbox, 1, SINGLE);
    const po = seller.orderIds[0];
    const accountId = seller.creds.accountId;
    const unshipped = await control(sandbox, 'POST', '/walmart/returns', { accountId, purchaseOrderId: po });
    expect(unshipped.status).toBe(400);
    expect(unshipped.body.error).toMatch(/no shipped units/);
    await seller.client.call('POST', `/v3/orders/${po}/acknowledge`);
    await seller.client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', 1)));
    const badReason = await control(sandbox, 'POST', '/walmart/returns', {
      accountId,
      purchaseOrderId: po,
      lines: [{ lineNumber: '1', quantity: 1, reason: 'CHANGED_MIND' }],
    });
    expect(badReason.status).toBe(400);
    expect(badReason.body.error).toMatch(/lines\[0\]\.reason must be one of ARRIVED_LATE/);
    const badLine = await control(sandbox, 'POST', '/walmart/returns', {
      accountId,
      purchaseOrderId: po,
      lines: [{ lineNumber: '7', quantity: 1 }],
    });
    expect(badLine.body.error).toMatch(/lines\[0\]\.lineNumber/);
    const ok = await control(sandbox, 'POST', '/walmart/returns', {
      accountId,
      purchaseOrderId: po,
      lines: [{ lineNumber: '1', quantity: 1, reason: 'WRONG_SIZE/POOR_FIT' }],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.returnOrderLines[0].returnReason).toBe('WRONG_SIZE/POOR_FIT');
    const again = await control(sandbox, 'POST', '/walmart/returns', { accountId, purchaseOrderId: po });
    expect(again.body.error).toMatch(/no shipped units left/);
    expect((await control(sandbox, 'POST', '/walmart/returns', { accountId, purchaseOrderId: 'nope' })).status).toBe(
      404,
    );
    expect((await control(sandbox, 'POST', '/walmart/returns/123/deliver')).status).toBe(404);
  });

  it('keeps returns and their refunds across a restart through the snapshot file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-returns-'));
    const snapshotFile = path.join(dir, 'state.json');
    try {
      const first = await createSandbox({ snapshotFile, clock: T0, throttling: false });
      const { client, ret } = await shippedReturn(first, 2);
      await control(first, 'POST', `/walmart/returns/${ret.returnOrderId}/deliver`);
      await client.call('POST', `/v3/returns/${ret.returnOrderId}/refund`, refundBody(ret.customerOrderId, [[1, 1]]));
      const before = await readReturn(client, ret.returnOrderId);
      await first.close();
      const second = await createSandbox({ snapshotFile, clock: T0, throttling: false });
      try {
        const again = new WalmartClient(second.walmartBaseUrl, client.credentials);
        await again.authenticate();
        expect(await readReturn(again, ret.returnOrderId)).toEqual(before);
        // Walmart's own refund is still due 48 hours after receipt in the restarted sandbox.
        second.clock.advance(49 * HOUR);
        await again.authenticate();
        expect((await readReturn(again, ret.returnOrderId)).returnOrderLines[0].refundChannel).toBe(
          'WALMART_TRIGGERED_REFUND',
        );
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers in the shapes of the official examples and breaks no model', async () => {
    const { client, ret } = await shippedReturn(sandbox, 2);
    await control(sandbox, 'POST', `/walmart/returns/${ret.returnOrderId}/deliver`);
    const examples = officialExamples({ api: 'walmart', model: 'returns' });
    const listExample = examples.find((e) => e.operationId === 'getReturns' && e.kind === 'response')!.body as any;
    const refundRequest = examples.find((e) => e.operationId === 'issueRefund' && e.kind === 'request')!.body as any;
    const refundResponse = examples.find((e) => e.operationId === 'issueRefund' && e.kind === 'response')!.body as any;

    // The example's request, with this return's ids: the same shape is taken and answered as the example answers.
    const body = { ...refundRequest, customerOrderId: ret.customerOrderId };
    body.refundLines = [{ ...refundRequest.refundLines[0], quantity: { ...refundRequest.refundLines[0].quantity } }];
    const res = await client.call('POST', `/v3/returns/${ret.returnOrderId}/refund`, body);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(Object.keys(refundResponse).sort());
    expect(res.body.refundLines).toEqual(body.refundLines);

    const ours = (await client.call('GET', `/v3/returns?replacementInfo=true&returnOrderId=${ret.returnOrderId}`)).body;
    expect(Object.keys(ours.meta).sort()).toEqual(Object.keys(listExample.meta).sort());
    // Every field of ours is one of the example's; the example's extra ones are about replacements and exceptions.
    const exampleReturn = listExample.returnOrders[0];
    const exampleLine = exampleReturn.returnOrderLines[0];
    expect(Object.keys(ours.returnOrders[0]).filter((k) => !(k in exampleReturn))).toEqual([]);
    expect(Object.keys(ours.returnOrders[0].returnOrderLines[0]).filter((k) => !(k in exampleLine))).toEqual([]);
    expect(
      Object.keys(exampleLine)
        .filter((k) => !(k in ours.returnOrders[0].returnOrderLines[0]))
        .sort(),
    ).toEqual(['exceptionItemType', 'rechargeReason', 'returnCancellationReason']);

    // Over the whole suite: no response broke the model, and the only requests it refused are the three sent to be.
    const report = (await control(sandbox, 'GET', '/contract-violations')).body;
    expect(report.responseViolations).toBe(0);
    expect(report.requests.map((r: any) => `${r.operationId} ${r.violations[0].field}`).sort()).toEqual([
      'getReturns query.returnCreationStartDate',
      'getReturns query.returnLastModifiedEndDate',
      'issueRefund refundLines',
    ]);
  });
});
