import type { Sandbox } from '../src';
import type { AmazonClient } from './helpers/clients';
import { T0, amazonSeller, startSandbox } from './helpers/sandbox';

const HOUR = 3600 * 1000;
const SEARCH = '/orders/2026-01-01/orders';
const iso = (ms: number) => new Date(ms).toISOString();

describe('Amazon auth and Orders 2026-01-01 search rules', () => {
  let sandbox: Sandbox;
  let client: AmazonClient;
  let orderIds: string[];
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
    ({ client, orderIds } = await amazonSeller(sandbox, 30, { mix: { channelFulfilled: 0, intentToCancel: 0 } }));
  });
  afterAll(() => sandbox.close());

  it('exchanges the refresh token with LWA and refuses a wrong one', async () => {
    const bad = await fetch(`${sandbox.amazonBaseUrl}/auth/o2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        refresh_token: 'Atzr|nope',
        client_id: client.credentials.clientId,
        client_secret: client.credentials.clientSecret,
      }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()) as Promise<any>).toMatchObject({ error: 'invalid_grant' });
    const good = await fetch(`${sandbox.amazonBaseUrl}/auth/o2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        refresh_token: client.credentials.refreshToken,
        client_id: client.credentials.clientId,
        client_secret: client.credentials.clientSecret,
      }),
    });
    const body: any = await good.json();
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    expect(body.access_token).toMatch(/^Atza\|/);
  });

  it('answers 403 Unauthorized without a token or with an expired one', async () => {
    const none = await client.call('GET', `${SEARCH}/${orderIds[0]}`, undefined, '');
    expect(none.status).toBe(403);
    expect(none.body.errors[0]).toMatchObject({
      code: 'Unauthorized',
      message: 'Access to requested resource is denied.',
    });
    expect(none.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    const token = client.token;
    sandbox.clock.advance(HOUR);
    const expired = await client.call('GET', `${SEARCH}/${orderIds[0]}`, undefined, token);
    expect(expired.body.errors[0].details).toMatch(/expired/);
    sandbox.clock.set(T0);
  });

  it('needs exactly one of createdAfter and lastUpdatedAfter, never mixed', async () => {
    const after = iso(T0.getTime() - 100 * HOUR);
    for (const query of [
      '',
      `createdAfter=${after}&lastUpdatedAfter=${after}`,
      `createdAfter=${after}&lastUpdatedBefore=${after}`,
      `lastUpdatedAfter=${after}&createdBefore=${after}`,
    ]) {
      const res = await client.call('GET', `${SEARCH}?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].code).toBe('InvalidInput');
    }
  });

  it('enforces the two-minute rule on the Before parameters and echoes the effective bound', async () => {
    const after = iso(T0.getTime() - 100 * HOUR);
    const tooRecent = await client.call(
      'GET',
      `${SEARCH}?createdAfter=${after}&createdBefore=${iso(T0.getTime() - 60_000)}`,
    );
    expect(tooRecent.status).toBe(400);
    expect(tooRecent.body.errors[0].message).toMatch(/two minutes/);
    const ok = await client.call('GET', `${SEARCH}?createdAfter=${after}`);
    expect(ok.body.createdBefore).toBe(iso(T0.getTime() - 2 * 60_000));
  });

  it('pages with paginationToken and honours maxResultsPerPage 1-100', async () => {
    expect(
      (await client.call('GET', `${SEARCH}?createdAfter=${iso(T0.getTime() - 100 * HOUR)}&maxResultsPerPage=101`))
        .status,
    ).toBe(400);
    const seen: string[] = [];
    let path = `${SEARCH}?createdAfter=${iso(T0.getTime() - 100 * HOUR)}&maxResultsPerPage=7`;
    for (;;) {
      const res = await client.call('GET', path);
      seen.push(...res.body.orders.map((o: any) => o.orderId));
      if (!res.body.pagination?.nextToken) break;
      path = `${SEARCH}?paginationToken=${encodeURIComponent(res.body.pagination.nextToken)}`;
    }
    expect(seen.sort()).toEqual([...orderIds].sort());
  });

  it('returns recipient, fulfillment and packages only when includedData asks', async () => {
    const bare = await client.call('GET', `${SEARCH}/${orderIds[0]}`);
    expect(bare.body.order.recipient).toBeUndefined();
    expect(bare.body.order.fulfillment).toBeUndefined();
    const full = await client.call('GET', `${SEARCH}/${orderIds[0]}?includedData=RECIPIENT,FULFILLMENT,BUYER`);
    expect(full.body.order.recipient.deliveryAddress.countryCode).toBe('US');
    expect(full.body.order.fulfillment.shipByWindow.latestDateTime).toBeDefined();
    expect((await client.call('GET', `${SEARCH}/${orderIds[0]}?includedData=EVERYTHING`)).status).toBe(400);
  });

  it('filters by fulfillment status', async () => {
    const after = iso(T0.getTime() - 100 * HOUR);
    const shipped = await client.call('GET', `${SEARCH}?createdAfter=${after}&fulfillmentStatuses=SHIPPED`);
    expect(shipped.body.orders).toHaveLength(0);
    const unshipped = await client.call(
      'GET',
      `${SEARCH}?createdAfter=${after}&fulfillmentStatuses=UNSHIPPED,PARTIALLY_SHIPPED`,
    );
    expect(unshipped.body.orders).toHaveLength(30);
  });

  it('gives the full address on v0 getOrderAddress only with a Restricted Data Token', async () => {
    const path = `/orders/v0/orders/${orderIds[0]}/address`;
    const plain = await client.call('GET', path);
    expect(plain.body.payload.ShippingAddress.Name).toBeUndefined();
    expect(plain.body.payload.ShippingAddress.City).toBeDefined();
    const rdt = await client.call('POST', '/tokens/2021-03-01/restrictedDataToken', {
      restrictedResources: [{ method: 'GET', path, dataElements: ['shippingAddress'] }],
    });
    expect(rdt.status).toBe(200);
    const restricted = await client.call('GET', path, undefined, rdt.body.restrictedDataToken);
    expect(restricted.body.payload.ShippingAddress.Name).toBeDefined();
    expect((await client.call('GET', `${SEARCH}/${orderIds[0]}`, undefined, rdt.body.restrictedDataToken)).status).toBe(
      403,
    );
  });
});
