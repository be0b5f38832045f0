import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

/** Fails (instead of hanging the suite) when a promise takes longer than a generous guard. */
function withinGuard<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const PREVIEW = `query($input: RoutingRuleInput!) { previewRoutingRule(input: $input) { id } }`;

describe.each(testDatabases())('GraphQL resource limits on %s', (kind) => {
  let app: TestApp;
  let walmartId: string;
  let amazonId: string;
  let longSkuOrderId: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    const walmart = await anAccount(app, 'WALMART');
    const amazon = await anAccount(app, 'AMAZON');
    walmartId = walmart.id;
    amazonId = amazon.id;
    const line = anOrder().lines[0];
    [longSkuOrderId] = await insertOrders(app, walmart, [
      anOrder({ lines: [{ ...line, sku: 'a'.repeat(60) }] }),
      anOrder({ lines: [{ ...line, sku: 'MUG-11' }] }),
    ]);
  }, 60_000);
  afterAll(() => app?.close());

  const rule = (skuPattern: string) => ({
    name: 'glob',
    accountId: walmartId,
    mcfAccountId: amazonId,
    skuPattern,
  });

  it('previewRoutingRule with 18 stars answers in linear time and does not block a concurrent health query', async () => {
    // As a regex (`^.*a.*a…b$`) this pattern backtracks over the 60-character SKU for hours; 18 stars took 18.8 s
    // and held up every other request for as long.
    const pattern = '*a'.repeat(18) + '*b';
    const [preview, health] = await withinGuard(
      Promise.all([app.gql(PREVIEW, { input: rule(pattern) }), app.gql(`{ health { ok } }`)]),
      30_000,
      'previewRoutingRule + health',
    );
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.previewRoutingRule).toEqual([]);
    expect(health.data!.health.ok).toBe(true);
    // The same matcher still matches what it should.
    const matching = await app.gql(PREVIEW, { input: rule('*a'.repeat(18) + '*') });
    expect(matching.data!.previewRoutingRule.map((o: { id: string }) => o.id)).toEqual([longSkuOrderId]);
    const mugs = await app.gql(PREVIEW, { input: rule('mug-??') });
    expect(mugs.data!.previewRoutingRule).toHaveLength(1);
  });

  it('refuses a skuPattern over 200 characters as BAD_USER_INPUT naming input.skuPattern', async () => {
    const res = await app.gql(PREVIEW, { input: rule('*'.repeat(201)) });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.skuPattern' });
    expect(res.errors?.[0]?.message).toMatch(/at most 200 characters/);
  });
});
