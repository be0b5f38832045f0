import type { Sandbox } from '../src';
import { contractStats } from './helpers/clients';
import { amazonSeller, startSandbox, walmartSeller } from './helpers/sandbox';

const COUNT = 10_000;
/** Generating and reading back 10,000 orders takes seconds, more on a busy 2-core machine than Jest's 5 s default. */
jest.setTimeout(60_000);

/** Done-means check: 10,000 generated orders per channel, read back through the list endpoints, every body valid. */
describe('contract run over 10,000 generated orders', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
  });
  afterAll(() => sandbox.close());

  it('Walmart: every page of GET /v3/orders matches the Orders model', async () => {
    const { client, orderIds } = await walmartSeller(sandbox, COUNT);
    const before = contractStats.responses;
    const seen = new Set<string>();
    for (const shipNodeType of ['SellerFulfilled', 'WFSFulfilled']) {
      let path: string | undefined =
        `/v3/orders?limit=200&createdStartDate=2026-11-01&shipNodeType=${shipNodeType}&productInfo=true`;
      while (path) {
        const page = await client.call('GET', path);
        expect(page.status).toBe(200);
        for (const o of page.body.list.elements.order) seen.add(o.purchaseOrderId);
        const cursor: string | undefined = page.body.list.meta.nextCursor;
        path = cursor ? `/v3/orders${cursor}` : undefined;
      }
    }
    expect(seen.size).toBe(COUNT);
    expect(new Set(orderIds)).toEqual(seen);
    expect(contractStats.responses - before).toBeGreaterThanOrEqual(50);
  });

  it('Amazon: every page of searchOrders with all includedData matches the 2026-01-01 model', async () => {
    const { client } = await amazonSeller(sandbox, COUNT);
    const seen = new Set<string>();
    let path: string | undefined =
      '/orders/2026-01-01/orders?createdAfter=2026-11-01T00:00:00Z&maxResultsPerPage=100&includedData=BUYER,RECIPIENT,PROCEEDS,EXPENSE,PROMOTION,CANCELLATION,FULFILLMENT,PACKAGES,TAX,PAYMENT,FULFILLMENT_ORDERS';
    while (path) {
      const page = await client.call('GET', path);
      expect(page.status).toBe(200);
      for (const o of page.body.orders) seen.add(o.orderId);
      const token: string | undefined = page.body.pagination?.nextToken;
      path = token ? `/orders/2026-01-01/orders?paginationToken=${encodeURIComponent(token)}` : undefined;
    }
    expect(seen.size).toBe(COUNT);
  });
});
