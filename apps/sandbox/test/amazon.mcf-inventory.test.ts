import type { Sandbox } from '../src';
import type { AmazonClient } from './helpers/clients';
import { amazonSeller, startSandbox } from './helpers/sandbox';

// The client checks every request and answer against the official fulfillmentOutbound 2020-07-01 model (getFeatureSKU).
const INVENTORY = '/fba/outbound/2020-07-01/features/inventory';

describe('Amazon MCF stock per seller SKU (getFeatureSKU), against the contract', () => {
  let sandbox: Sandbox;
  let client: AmazonClient;
  let accountId: string;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
    const seller = await amazonSeller(sandbox);
    client = seller.client;
    accountId = seller.creds.accountId;
    await client.authenticate();
  }, 30_000);
  afterAll(() => sandbox.close());

  it('answers the units it can fulfil of a known SKU, and follows the stock as it is set', async () => {
    sandbox.setMcfInventory(accountId, 'AMZ-MUG 1/2', 9);
    const res = await client.call(
      'GET',
      `${INVENTORY}/BLANK_BOX/${encodeURIComponent('AMZ-MUG 1/2')}?marketplaceId=ATVPDKIKX0DER`,
    );
    expect(res.status).toBe(200);
    expect(res.body.payload).toEqual({
      marketplaceId: 'ATVPDKIKX0DER',
      featureName: 'BLANK_BOX',
      isEligible: true,
      sellerSku: 'AMZ-MUG 1/2',
      skuCount: 9,
    });
    sandbox.setMcfInventory(accountId, 'AMZ-MUG 1/2', 0);
    const empty = await client.call(
      'GET',
      `${INVENTORY}/BLANK_BOX/${encodeURIComponent('AMZ-MUG 1/2')}?marketplaceId=ATVPDKIKX0DER`,
    );
    expect(empty.body.payload).toMatchObject({ isEligible: true, skuCount: 0 });
  });

  it('says a SKU it does not know is not eligible (INVALID_SKU), and refuses an unknown feature or marketplace', async () => {
    const unknown = await client.call('GET', `${INVENTORY}/BLOCK_AMZL/NEVER-SEEN?marketplaceId=ATVPDKIKX0DER`);
    expect(unknown.status).toBe(200);
    expect(unknown.body.payload).toEqual({
      marketplaceId: 'ATVPDKIKX0DER',
      featureName: 'BLOCK_AMZL',
      isEligible: false,
      ineligibleReasons: ['INVALID_SKU'],
    });
    expect(
      (await client.call('GET', `${INVENTORY}/NO_SUCH_FEATURE/NEVER-SEEN?marketplaceId=ATVPDKIKX0DER`)).status,
    ).toBe(400);
    expect((await client.call('GET', `${INVENTORY}/BLANK_BOX/NEVER-SEEN?marketplaceId=A1F83G8C2ARO7P`)).status).toBe(
      400,
    );
  });
});
