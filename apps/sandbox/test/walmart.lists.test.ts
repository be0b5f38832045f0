import type { Sandbox } from '../src';
import type { WalmartClient } from './helpers/clients';
import { startSandbox, walmartSeller } from './helpers/sandbox';

describe('Walmart order lists', () => {
  let sandbox: Sandbox;
  let client: WalmartClient;
  let orderIds: string[];
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
    ({ client, orderIds } = await walmartSeller(sandbox, 25, { mix: { channelFulfilled: 0 } }));
  });
  afterAll(() => sandbox.close());

  it('pages with nextCursor shaped as Walmart does, appended to the path; nextCursor as a parameter is refused (the model has none)', async () => {
    const first = await client.call('GET', '/v3/orders?limit=10');
    expect(first.body.list.meta).toMatchObject({ totalCount: 25, limit: 10 });
    const cursor: string = first.body.list.meta.nextCursor;
    expect(cursor).toMatch(
      /^\?limit=10&hasMoreElements=true&soIndex=25&poIndex=10&partnerId=\d+&sellerId=\d+&createdStartDate=/,
    );
    const appended = await client.call('GET', `/v3/orders${cursor}`);
    const wrapped = await client.call('GET', `/v3/orders?nextCursor=${encodeURIComponent(cursor)}`);
    expect(wrapped.status).toBe(400);
    expect(wrapped.body.errors.error[0]).toMatchObject({
      code: 'INVALID_REQUEST_PARAM.GMP_ORDER_API',
      field: 'nextCursor',
    });
    const last = await client.call('GET', `/v3/orders${appended.body.list.meta.nextCursor}`);
    expect(last.body.list.elements.order).toHaveLength(5);
    expect(last.body.list.meta.nextCursor).toBeUndefined();
    const ids = [first, appended, last].flatMap((p) => p.body.list.elements.order.map((o: any) => o.purchaseOrderId));
    expect(new Set(ids)).toEqual(new Set(orderIds));
  });

  it('caps limit at 200 and names the parameter', async () => {
    const res = await client.call('GET', '/v3/orders?limit=201');
    expect(res.status).toBe(400);
    expect(res.body.errors.error[0]).toMatchObject({ code: 'INVALID_REQUEST_PARAM.GMP_ORDER_API', field: 'limit' });
  });

  it('rejects dates that are not yyyy-MM-dd or a UTC date-time', async () => {
    const res = await client.call('GET', '/v3/orders?createdStartDate=11/20/2026');
    expect(res.status).toBe(400);
    expect(res.body.errors.error[0].field).toBe('createdStartDate');
    expect((await client.call('GET', '/v3/orders?createdStartDate=2026-11-15T00:00:00Z')).status).toBe(200);
  });

  it('answers an empty result with 404 CONTENT_NOT_FOUND', async () => {
    const res = await client.call('GET', '/v3/orders?sku=NO-SUCH-SKU');
    expect(res.status).toBe(404);
    expect(res.body.errors.error[0]).toMatchObject({ code: 'CONTENT_NOT_FOUND.GMP_ORDER_API', severity: 'INFO' });
  });

  it('filters by status and purchase order, and released lists only Created lines', async () => {
    await client.call('POST', `/v3/orders/${orderIds[0]}/acknowledge`);
    const released = await client.call('GET', '/v3/orders/released?limit=200');
    expect(released.body.list.meta.totalCount).toBe(24);
    const acked = await client.call('GET', '/v3/orders?status=Acknowledged');
    expect(acked.body.list.elements.order.map((o: any) => o.purchaseOrderId)).toEqual([orderIds[0]]);
    const one = await client.call('GET', `/v3/orders?purchaseOrderId=${orderIds[3]}`);
    expect(one.body.list.meta.totalCount).toBe(1);
    expect((await client.call('GET', '/v3/orders/released?status=Created')).status).toBe(400);
  });

  it('adds imageUrl and weight only with productInfo=true', async () => {
    const plain = await client.call('GET', `/v3/orders/${orderIds[1]}`);
    expect(plain.body.order.orderLines.orderLine[0].item.imageUrl).toBeUndefined();
    const rich = await client.call('GET', `/v3/orders/${orderIds[1]}?productInfo=true`);
    expect(rich.body.order.orderLines.orderLine[0].item.weight.unit).toBe('LB');
  });
});
