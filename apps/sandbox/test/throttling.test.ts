import { loadModel } from '@order-hub/contracts';
import { AMAZON_USAGE_PLANS, type Sandbox } from '../src';
import { T0, amazonSeller, startSandbox, walmartSeller } from './helpers/sandbox';

const MODELS = [
  'orders_2026-01-01',
  'ordersV0',
  'fulfillmentOutbound_2020-07-01',
  'feeds_2021-06-30',
  'tokens_2021-03-01',
  'reports_2021-06-30',
  'notifications',
  'shippingV2',
];

/** The usage plan each operation's description documents (`| Rate (requests per second) | Burst |`), as the contracts' sync script extracted it. */
function documentedPlans(): Map<string, { rate: number; burst: number }> {
  const plans = new Map<string, { rate: number; burst: number }>();
  for (const name of MODELS) {
    const model = loadModel('amazon', name) as any;
    for (const ops of Object.values<any>(model.paths)) {
      for (const op of Object.values<any>(ops)) {
        const plan = op?.['x-order-hub-rate-limit'];
        if (op?.operationId && plan && !(name === 'ordersV0' && op.operationId === 'getOrder'))
          plans.set(op.operationId, plan);
      }
    }
  }
  return plans;
}

describe('throttling', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('uses exactly the rate and burst each Amazon model documents', () => {
    const documented = documentedPlans();
    for (const [operation, plan] of Object.entries(AMAZON_USAGE_PLANS)) {
      expect({ operation, ...documented.get(operation) }).toEqual({ operation, ...plan });
    }
  });

  it('Amazon: confirmShipment allows a burst of 10, then 429 QuotaExceeded, refilling at 2 per second', async () => {
    const { client, orderIds } = await amazonSeller(sandbox, 1);
    const call = () =>
      client.call('POST', `/orders/v0/orders/${orderIds[0]}/shipmentConfirmation`, {
        marketplaceId: 'ATVPDKIKX0DER',
        packageDetail: {},
      });
    for (let i = 0; i < 10; i += 1) expect((await call()).status).toBe(400);
    const throttled = await call();
    expect(throttled.status).toBe(429);
    expect(throttled.body.errors[0].code).toBe('QuotaExceeded');
    expect(throttled.headers.get('x-amzn-ratelimit-limit')).toBe('2');
    expect(throttled.headers.get('x-amzn-requestid')).toBeTruthy();
    sandbox.clock.advance(500);
    expect((await call()).status).toBe(400);
    expect((await call()).status).toBe(429);
  });

  it('Amazon: searchOrders allows 20 then one request per ~179 seconds (0.0056/s)', async () => {
    const { client } = await amazonSeller(sandbox, 1);
    const search = () =>
      client.call(
        'GET',
        `/orders/2026-01-01/orders?createdAfter=${new Date(sandbox.clock.now().getTime() - 86400000).toISOString()}`,
      );
    for (let i = 0; i < 20; i += 1) expect((await search()).status).toBe(200);
    const limited = await search();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-amzn-ratelimit-limit')).toBe('0.0056');
    sandbox.clock.advance(120_000);
    expect((await search()).status).toBe(429);
    sandbox.clock.advance(60_000);
    expect((await search()).status).toBe(200);
  });

  it('Walmart: 429 REQUEST_THRESHOLD_VIOLATED with token count and replenishment time once ship calls exceed 60 per minute', async () => {
    const { client, orderIds } = await walmartSeller(sandbox, 1);
    const ship = () => client.call('POST', `/v3/orders/${orderIds[0]}/shipping`, {});
    const first = await ship();
    expect(first.headers.get('x-current-token-count')).toBe('59');
    for (let i = 1; i < 60; i += 1) await ship();
    const limited = await ship();
    expect(limited.status).toBe(429);
    expect(limited.body.errors.error[0].code).toBe('REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API');
    expect(limited.headers.get('x-current-token-count')).toBe('0');
    const next = Number(limited.headers.get('x-next-replenishment-time'));
    expect(next - sandbox.clock.now().getTime()).toBeGreaterThan(0);
    expect(next - sandbox.clock.now().getTime()).toBeLessThanOrEqual(1000);
    sandbox.clock.advance(1000);
    expect((await ship()).status).toBe(400);
  });

  it('takes per-group overrides and can be switched off', async () => {
    const fast = await startSandbox({ throttling: { walmart: { 'orders.get': { rate: 1, burst: 2 } } } });
    const off = await startSandbox({ throttling: false });
    try {
      const a = await walmartSeller(fast, 1);
      expect((await a.client.call('GET', `/v3/orders/${a.orderIds[0]}`)).status).toBe(200);
      expect((await a.client.call('GET', `/v3/orders/${a.orderIds[0]}`)).status).toBe(200);
      expect((await a.client.call('GET', `/v3/orders/${a.orderIds[0]}`)).status).toBe(429);
      const b = await amazonSeller(off, 1);
      for (let i = 0; i < 25; i += 1) {
        expect(
          (
            await b.client.call(
              'GET',
              `/orders/2026-01-01/orders?createdAfter=${new Date(T0.getTime() - 86400000).toISOString()}`,
            )
          ).status,
        ).toBe(200);
      }
    } finally {
      await fast.close();
      await off.close();
    }
  });
});
