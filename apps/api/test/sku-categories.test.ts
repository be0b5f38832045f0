import { SkuCategoriesService } from '../src/modules/catalog/sku-categories.service';
import { DEMO_CATEGORY_BY_SKU_PREFIX } from '../src/modules/demo/demo-sku-categories';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const SET = `mutation($accountId: ID!, $entries: [SkuCategoryInput!]!) {
  setSkuCategories(accountId: $accountId, entries: $entries) { set { sku category } removed }
}`;
const LIST = `query($accountId: ID!, $first: Int, $after: String) {
  skuCategories(accountId: $accountId, first: $first, after: $after) { totalCount edges { cursor node { sku category } } pageInfo { hasNextPage endCursor } }
}`;

describe.each(testDatabases())('SKU categories over GraphQL on %s', (kind) => {
  let app: TestApp;
  let operator: string;
  let viewer: string;
  let accountId: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    accountId = (await anAccount(app, 'AMAZON')).id;
    const token = async (role: string) =>
      (await app.gql(`mutation { createApiToken(input: { name: "${role}", role: ${role} }) { token } }`)).data!
        .createApiToken.token as string;
    operator = await token('OPERATOR');
    viewer = await token('VIEWER');
  });
  afterAll(() => app?.close());

  it('sets, pages, updates and removes mappings; the last entry for a SKU wins', async () => {
    const set = await app.gql(
      SET,
      {
        accountId,
        entries: [
          { sku: 'KTC-1', category: 'Kitchen' },
          { sku: 'ELC-2', category: 'Electronics' },
          { sku: 'KID-3', category: 'Toys' },
          { sku: 'KID-3', category: 'Baby & Kids' },
          { sku: 'PET-4', category: ' Pet Supplies ' },
        ],
      },
      operator,
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setSkuCategories).toEqual({
      set: [
        { sku: 'ELC-2', category: 'Electronics' },
        { sku: 'KID-3', category: 'Baby & Kids' },
        { sku: 'KTC-1', category: 'Kitchen' },
        { sku: 'PET-4', category: 'Pet Supplies' },
      ],
      removed: [],
    });

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await app.gql(LIST, { accountId, first: 3, after }, viewer)).data!.skuCategories;
      expect(page.totalCount).toBe(4);
      seen.push(
        ...page.edges.map((e: { node: { sku: string; category: string } }) => `${e.node.sku}=${e.node.category}`),
      );
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['ELC-2=Electronics', 'KID-3=Baby & Kids', 'KTC-1=Kitchen', 'PET-4=Pet Supplies']);

    const changed = await app.gql(
      SET,
      {
        accountId,
        entries: [
          { sku: 'PET-4', category: '' },
          { sku: 'KTC-1', category: 'Home' },
          { sku: 'NEVER-SET', category: '' },
        ],
      },
      operator,
    );
    expect(changed.data!.setSkuCategories).toEqual({ set: [{ sku: 'KTC-1', category: 'Home' }], removed: ['PET-4'] });
    const all = (await app.gql(LIST, { accountId }, viewer)).data!.skuCategories;
    expect(all.edges.map((e: { node: { sku: string } }) => e.node.sku)).toEqual(['ELC-2', 'KID-3', 'KTC-1']);
    const [audit] = await app.ds.query(
      `SELECT actor, after FROM audit_event WHERE action = 'catalog.sku_categories_set' AND entity_id = $1 ORDER BY occurred_at DESC LIMIT 1`,
      [accountId],
    );
    expect(audit.after).toEqual({ set: [{ sku: 'KTC-1', category: 'Home' }], removed: ['PET-4'] });
  });

  it.each([
    [{ entries: [{ sku: '', category: 'Kitchen' }] }, 'entries.0.sku', 'must not be empty.'],
    [{ entries: [{ sku: 'X'.repeat(65), category: 'Kitchen' }] }, 'entries.0.sku', 'must be at most 64 characters.'],
    [
      { entries: [{ sku: 'OK', category: 'C'.repeat(65) }] },
      'entries.0.category',
      'must be at most 64 characters (empty removes the mapping).',
    ],
    [{ entries: [] }, 'entries', 'must name at least one SKU.'],
    [
      { accountId: 'nope', entries: [{ sku: 'OK', category: 'Kitchen' }] },
      'accountId',
      'must be an id returned by the API (a UUID).',
    ],
  ])('rejects %j naming the field', async (vars, field, message) => {
    const res = await app.gql(SET, { accountId, ...vars }, operator);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0].message).toContain(message);
  });

  it('lets only operators change the map, and names an unknown account', async () => {
    expect(
      (await app.gql(SET, { accountId, entries: [{ sku: 'A', category: 'B' }] }, viewer)).errors?.[0].extensions.code,
    ).toBe('FORBIDDEN');
    const missing = await app.gql(LIST, { accountId: '00000000-0000-4000-8000-000000000000' }, viewer);
    expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('maps the demo SKUs by prefix, leaving what the seller set and SKUs of unknown prefixes alone', async () => {
    const account = await anAccount(app, 'WALMART');
    const order = (skus: string[]) => {
      const base = anOrder();
      return { ...base, lines: skus.map((sku, i) => ({ ...base.lines[0], lineNumber: String(i + 1), sku })) };
    };
    await insertOrders(app, account, [
      order(['KTC-WB32', 'KTC-WB32-V2']),
      order(['BED-MFPQ', 'ZZZ-1']),
      order(['ELC-EB53', 'KTC-WB32']),
    ]);
    const service = app.running.app.get(SkuCategoriesService);
    await service.set(account.id, [{ sku: 'ELC-EB53', category: 'Audio' }], 'test');
    expect(await service.mapUnmappedByPrefix(account.id, DEMO_CATEGORY_BY_SKU_PREFIX)).toBe(3);
    expect(await service.mapUnmappedByPrefix(account.id, DEMO_CATEGORY_BY_SKU_PREFIX)).toBe(0);
    const rows = await service.page(account.id, 10, null);
    expect(rows.map((r) => [r.sku, r.category])).toEqual([
      ['BED-MFPQ', 'Home'],
      ['ELC-EB53', 'Audio'],
      ['KTC-WB32', 'Kitchen'],
      ['KTC-WB32-V2', 'Kitchen'],
    ]);
  });
});
