import { randomUUID } from 'node:crypto';
import type { Sandbox } from '../src';
import { WalmartClient } from './helpers/clients';
import { startSandbox, walmartSeller } from './helpers/sandbox';

describe('Walmart authentication and required headers', () => {
  let sandbox: Sandbox;
  let client: WalmartClient;
  beforeAll(async () => {
    sandbox = await startSandbox();
    ({ client } = await walmartSeller(sandbox, 3));
  });
  afterAll(() => sandbox.close());

  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  const tokenHeaders = (authorization: string) => ({
    Authorization: authorization,
    'Content-Type': 'application/x-www-form-urlencoded',
    'WM_QOS.CORRELATION_ID': randomUUID(),
    'WM_SVC.NAME': 'Walmart Marketplace',
  });

  it('issues a 900-second Bearer token for client credentials', async () => {
    const res = await client.raw(
      'POST',
      '/v3/token',
      'grant_type=client_credentials',
      tokenHeaders(basic(client.credentials.clientId, client.credentials.clientSecret)),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
  });

  it('rejects a wrong secret, a JSON body and another grant type', async () => {
    const wrong = await client.raw(
      'POST',
      '/v3/token',
      'grant_type=client_credentials',
      tokenHeaders(basic(client.credentials.clientId, 'nope')),
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors.error[0].code).toBe('UNAUTHORIZED.GMP_GATEWAY_API');
    const json = await client.raw('POST', '/v3/token', '{"grant_type":"client_credentials"}', {
      ...tokenHeaders(basic(client.credentials.clientId, client.credentials.clientSecret)),
      'Content-Type': 'application/json',
    });
    expect(json.status).toBe(400);
    expect(json.body.errors.error[0].field).toBe('Content-Type');
    const grant = await client.raw(
      'POST',
      '/v3/token',
      'grant_type=refresh_token',
      tokenHeaders(basic(client.credentials.clientId, client.credentials.clientSecret)),
    );
    expect(grant.status).toBe(400);
    expect(grant.body.errors.error[0].field).toBe('grant_type');
  });

  it.each(['WM_QOS.CORRELATION_ID', 'WM_SVC.NAME', 'WM_SEC.ACCESS_TOKEN'])(
    'answers 400 MISSING_REQUEST_HEADER naming %s',
    async (name) => {
      const headers = client.headers();
      delete headers[name];
      const res = await client.raw('GET', '/v3/orders', undefined, headers);
      expect(res.status).toBe(400);
      expect(res.body.errors.error[0]).toMatchObject({ code: 'MISSING_REQUEST_HEADER.GMP_GATEWAY_API', field: name });
    },
  );

  it('refuses the token sent as Authorization: Bearer', async () => {
    const { 'WM_SEC.ACCESS_TOKEN': token, ...rest } = client.headers();
    const res = await client.raw('GET', '/v3/orders', undefined, { ...rest, Authorization: `Bearer ${token}` });
    expect(res.status).toBe(401);
    expect(res.body.errors.error[0].code).toBe('UNAUTHORIZED.GMP_GATEWAY_API');
  });

  it('expires tokens after 15 minutes of sandbox time', async () => {
    const { client: fresh } = await walmartSeller(sandbox, 1);
    expect((await fresh.call('GET', '/v3/orders')).status).toBe(200);
    sandbox.clock.advance(900 * 1000);
    const res = await fresh.call('GET', '/v3/orders');
    expect(res.status).toBe(401);
    expect(res.body.errors.error[0].description).toMatch(/expired/);
  });

  it("isolates accounts: one seller never sees another seller's orders", async () => {
    const a = await walmartSeller(sandbox, 2);
    const b = await walmartSeller(sandbox, 0);
    const res = await b.client.call('GET', `/v3/orders/${a.orderIds[0]}`);
    expect(res.status).toBe(404);
  });
});
