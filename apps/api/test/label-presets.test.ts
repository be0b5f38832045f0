import type { OrderLineStatus } from '@order-hub/types';
import { LabelParcels } from '../src/modules/labels/label-parcels';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const SAVE = `mutation($input: PackagePresetInput!) {
  savePackagePreset(input: $input) { id name lengthIn widthIn heightIn boxWeightOz skus isDefault }
}`;
const PRESETS = `{ packagePresets { id name isDefault skus } }`;
const DELETE = `mutation($id: ID!) { deletePackagePreset(id: $id) }`;
const SET_WEIGHTS = `mutation($accountId: ID!, $rows: [SkuWeightInput!]!) {
  setSkuWeights(accountId: $accountId, rows: $rows) { set { sku weightOz } removed }
}`;
const WEIGHTS = `query($accountId: ID!, $skus: [String!]) { skuWeights(accountId: $accountId, skus: $skus) { sku weightOz } }`;
const PROPOSED = `query($orderId: ID!) {
  proposedParcel(orderId: $orderId) { preset { name } matchedBy parcel { lengthIn widthIn heightIn weightOz } missingWeights }
}`;
const RATES_WITHOUT_PARCEL = `query($orderId: ID!) { labelRates(orderId: $orderId) { requestToken } }`;

const line = (lineNumber: string, sku: string, quantityOrdered: number, quantityShipped = 0) => ({
  lineNumber,
  sku,
  title: sku,
  quantityOrdered,
  quantityShipped,
  quantityCancelled: 0,
  quantityRefunded: 0,
  unitPriceCents: 1500,
  status: 'ACKNOWLEDGED' as OrderLineStatus,
  cancellationRequested: false,
});
const box = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  lengthIn: 12,
  widthIn: 9,
  heightIn: 4,
  boxWeightOz: 6,
  ...extra,
});

describe.each(testDatabases())('Package presets and SKU weights on %s', (kind) => {
  let app: TestApp;
  let operator: string;
  let accountId: string;
  let mugOrder: string;
  let plainOrder: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    operator = (await app.gql(`mutation { createApiToken(input: { name: "op", role: OPERATOR }) { token } }`)).data!
      .createApiToken.token as string;
    const account = await anAccount(app, 'WALMART');
    accountId = account.id;
    [mugOrder, plainOrder] = await insertOrders(app, account, [
      // One mug already went out: only the open units weigh in.
      anOrder({ lines: [line('1', 'MUG', 3, 1), line('2', 'SPOON', 4)] }),
      anOrder({ lines: [line('1', 'POSTER', 1)] }),
    ]);
  });
  afterAll(() => app?.close());

  it('registers the presets as the labels core parcel source', () => {
    expect(app.running.app.get(LabelParcels, { strict: false }).of()).not.toBeNull();
  });

  it('says in words that there is nothing to propose before any preset exists', async () => {
    expect((await app.gql(PROPOSED, { orderId: plainOrder })).data!.proposedParcel).toBeNull();
    const res = await app.gql(RATES_WITHOUT_PARCEL, { orderId: plainOrder });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/parcel: .*default package preset/);
  });

  it('creates, lists, renames and deletes presets; one default at a time', async () => {
    const general = (await app.gql(SAVE, { input: box('General', { isDefault: true }) })).data!.savePackagePreset;
    expect(general).toMatchObject({ name: 'General', lengthIn: 12, boxWeightOz: 6, skus: [], isDefault: true });
    const mugBox = (
      await app.gql(SAVE, {
        input: box('Mug box', { lengthIn: 8, widthIn: 8, heightIn: 8, boxWeightOz: 4.5, skus: ['MUG', 'MUG'] }),
      })
    ).data!.savePackagePreset;
    expect(mugBox).toMatchObject({ skus: ['MUG'], isDefault: false });
    const other = (await app.gql(SAVE, { input: box('Other', { isDefault: true }) })).data!.savePackagePreset;
    let list = (await app.gql(PRESETS)).data!.packagePresets as { id: string; name: string; isDefault: boolean }[];
    expect(list.filter((p) => p.isDefault).map((p) => p.name)).toEqual(['Other']);
    expect(list.map((p) => p.name)).toEqual(['Other', 'General', 'Mug box']);

    const renamed = await app.gql(SAVE, { input: { ...box('General again', { isDefault: true }), id: general.id } });
    expect(renamed.data!.savePackagePreset).toMatchObject({ id: general.id, name: 'General again', isDefault: true });
    expect((await app.gql(DELETE, { id: other.id })).data!.deletePackagePreset).toBe(true);
    list = (await app.gql(PRESETS)).data!.packagePresets;
    expect(list.map((p) => [p.name, p.isDefault])).toEqual([
      ['General again', true],
      ['Mug box', false],
    ]);
  });

  it('refuses bad presets naming the field, a taken name, and non-admins', async () => {
    const tooLong = await app.gql(SAVE, { input: box('Huge', { lengthIn: 120 }) });
    expect(tooLong.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0].message).toMatch(/input\.lengthIn.*108 inches/);
    const negative = await app.gql(SAVE, { input: box('Neg', { boxWeightOz: -1 }) });
    expect(negative.errors?.[0].message).toMatch(/input\.boxWeightOz.*0 ounces or more/);
    const taken = await app.gql(SAVE, { input: box('Mug box') });
    expect(taken.errors?.[0].message).toMatch(/name.*"Mug box" already exists/);
    const byOperator = await app.gql(SAVE, { input: box('Operator box') }, operator);
    expect(byOperator.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const missing = await app.gql(DELETE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('proposes the preset naming the order’s SKU and asks for the weights it lacks', async () => {
    const proposed = (await app.gql(PROPOSED, { orderId: mugOrder })).data!.proposedParcel;
    expect(proposed).toEqual({
      preset: { name: 'Mug box' },
      matchedBy: 'SKU',
      parcel: null,
      missingWeights: ['MUG', 'SPOON'],
    });
    const res = await app.gql(RATES_WITHOUT_PARCEL, { orderId: mugOrder });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/parcel: the weight of MUG, SPOON is unknown/);
  });

  it('sets SKU weights (operators may), refuses bad ones, and weighs the parcel with them', async () => {
    const bad = await app.gql(SET_WEIGHTS, { accountId, rows: [{ sku: 'MUG', weightOz: 0 }] }, operator);
    expect(bad.errors?.[0].message).toMatch(/rows\.0\.weightOz: must be above 0/);
    const set = await app.gql(
      SET_WEIGHTS,
      {
        accountId,
        rows: [
          { sku: 'MUG', weightOz: 12.25 },
          { sku: 'SPOON', weightOz: 1 },
          { sku: 'POSTER', weightOz: 3 },
        ],
      },
      operator,
    );
    expect(set.data!.setSkuWeights.set).toEqual([
      { sku: 'MUG', weightOz: 12.25 },
      { sku: 'POSTER', weightOz: 3 },
      { sku: 'SPOON', weightOz: 1 },
    ]);
    // 4.5 oz box + 2 open mugs × 12.25 + 4 spoons × 1
    expect((await app.gql(PROPOSED, { orderId: mugOrder })).data!.proposedParcel).toEqual({
      preset: { name: 'Mug box' },
      matchedBy: 'SKU',
      parcel: { lengthIn: 8, widthIn: 8, heightIn: 8, weightOz: 33 },
      missingWeights: [],
    });
    expect((await app.gql(PROPOSED, { orderId: plainOrder })).data!.proposedParcel).toMatchObject({
      preset: { name: 'General again' },
      matchedBy: 'DEFAULT',
      parcel: { lengthIn: 12, weightOz: 9 },
    });

    const removed = await app.gql(SET_WEIGHTS, { accountId, rows: [{ sku: 'POSTER', weightOz: null }] });
    expect(removed.data!.setSkuWeights).toEqual({ set: [], removed: ['POSTER'] });
    expect((await app.gql(WEIGHTS, { accountId, skus: ['POSTER', 'MUG'] })).data!.skuWeights).toEqual([
      { sku: 'MUG', weightOz: 12.25 },
    ]);
    expect((await app.gql(PROPOSED, { orderId: plainOrder })).data!.proposedParcel.missingWeights).toEqual(['POSTER']);
  });
});
