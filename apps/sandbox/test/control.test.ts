import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSandbox, type Sandbox } from '../src';
import { WalmartClient } from './helpers/clients';
import { T0, startSandbox } from './helpers/sandbox';

const json = (sandbox: Sandbox, method: string, p: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${sandbox.controlBaseUrl}${p}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('control API and factory', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
  });
  afterAll(() => sandbox.close());

  it('starts on a free port, returns its base URLs, and closes cleanly', async () => {
    const other = await createSandbox({ port: 0 });
    expect(other.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(other.walmartBaseUrl).toBe(`${other.baseUrl}/walmart`);
    expect(other.amazonBaseUrl).toBe(`${other.baseUrl}/amazon`);
    await other.close();
    await expect(fetch(`${other.baseUrl}/_sandbox/clock`)).rejects.toThrow();
  });

  it('creates accounts with the credentials each channel gives a seller', async () => {
    const wm: any = await (
      await json(sandbox, 'POST', '/accounts', { channel: 'WALMART', name: 'Acme on Walmart' })
    ).json();
    expect(wm).toMatchObject({ channel: 'WALMART', name: 'Acme on Walmart' });
    expect(wm.clientId && wm.clientSecret).toBeTruthy();
    const amz: any = await (await json(sandbox, 'POST', '/accounts', { channel: 'AMAZON' })).json();
    expect(amz).toMatchObject({ channel: 'AMAZON', marketplaceId: 'ATVPDKIKX0DER' });
    expect(amz.refreshToken).toMatch(/^Atzr\|/);
    expect(amz.sellerId).toBeTruthy();
    expect((await json(sandbox, 'POST', '/accounts', { channel: 'EBAY' })).status).toBe(400);
  });

  it('generates deterministic, realistic orders from a seed', async () => {
    const a = sandbox.createAccount('WALMART');
    const b = sandbox.createAccount('WALMART');
    const gen = (accountId: string) =>
      json(sandbox, 'POST', '/orders/generate', {
        accountId,
        count: 40,
        seed: 99,
        mix: { multiLine: 0.5, channelFulfilled: 0 },
      }).then((r) => r.json() as Promise<any>);
    const [ga, gb] = [await gen(a.accountId), await gen(b.accountId)];
    expect(ga.orderIds).toEqual(gb.orderIds);
    const state = (await (
      await json(sandbox, 'GET', `/orders/WALMART/${ga.orderIds[0]}`)
    ).json()) as Promise<any> as any;
    const order = state.view.order;
    expect(order.shippingInfo.postalAddress.postalCode).toMatch(/^\d{5}(-\d{4})?$/);
    expect(order.shippingInfo.postalAddress.country).toBe('USA');
    expect(order.customerEmailId).toMatch(/@relay\.walmart\.com$/);
    const multi = ga.orderIds.filter(
      (id: string) =>
        sandbox.orderState('WALMART', id).view &&
        (sandbox.orderState('WALMART', id).view as any).order.orderLines.orderLine.length > 1,
    );
    expect(multi.length).toBeGreaterThan(8);
    expect(multi.length).toBeLessThan(32);
    expect((await json(sandbox, 'POST', '/orders/generate', { accountId: a.accountId, count: 0 })).status).toBe(400);
    expect(
      (await json(sandbox, 'POST', '/orders/generate', { accountId: a.accountId, channel: 'AMAZON', count: 1 })).status,
    ).toBe(400);
    expect((await json(sandbox, 'POST', '/orders/generate', { accountId: 'acc_nope', count: 1 })).status).toBe(404);
  });

  it('reads, sets and advances the clock', async () => {
    expect((await (await json(sandbox, 'GET', '/clock')).json()) as Promise<any>).toEqual({
      now: T0.toISOString(),
      fixed: true,
    });
    const set: any = await (await json(sandbox, 'POST', '/clock', { set: '2026-12-01T00:00:00Z' })).json();
    expect(set.now).toBe('2026-12-01T00:00:00.000Z');
    const advanced: any = await (await json(sandbox, 'POST', '/clock', { advanceMs: 3600000 })).json();
    expect(advanced.now).toBe('2026-12-01T01:00:00.000Z');
    expect((await json(sandbox, 'POST', '/clock', { set: 'yesterday' })).status).toBe(400);
    sandbox.clock.set(T0);
  });

  it('follows real time by default', async () => {
    const real = await createSandbox({ throttling: false });
    try {
      expect(Math.abs(real.clock.now().getTime() - Date.now())).toBeLessThan(1000);
    } finally {
      await real.close();
    }
  });

  it('sets MCF inventory and refuses it for a Walmart account', async () => {
    const amz = sandbox.createAccount('AMAZON');
    expect(
      (await (
        await json(sandbox, 'POST', '/mcf/inventory', { accountId: amz.accountId, sku: 'SKU-1', quantity: 12 })
      ).json()) as Promise<any>,
    ).toEqual({ sku: 'SKU-1', quantity: 12 });
    const wm = sandbox.createAccount('WALMART');
    expect(
      (await json(sandbox, 'POST', '/mcf/inventory', { accountId: wm.accountId, sku: 'SKU-1', quantity: 1 })).status,
    ).toBe(400);
    expect((await json(sandbox, 'POST', '/packages/NOPE123/events', { type: 'DELIVERED' })).status).toBe(404);
  });

  it('protects the control routes with an optional API key', async () => {
    const locked = await createSandbox({ controlApiKey: 'let-me-in' });
    try {
      expect((await json(locked, 'GET', '/clock')).status).toBe(401);
      expect((await json(locked, 'GET', '/clock', undefined, { 'x-sandbox-key': 'let-me-in' })).status).toBe(200);
    } finally {
      await locked.close();
    }
  });

  it('with a key, refuses every control route without it (wrong, prefix, empty) and leaves the channel routes to the channels', async () => {
    const locked = await createSandbox({ controlApiKey: 'k3y-0f-the-demo' });
    try {
      for (const key of ['wrong', 'k3y-0f-the-dem', 'k3y-0f-the-demo-and-more', '']) {
        const res = await json(locked, 'POST', '/accounts', { channel: 'WALMART' }, { 'x-sandbox-key': key });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: 'control API key missing or wrong (send it in x-sandbox-key)' });
      }
      for (const [method, route] of [
        ['POST', '/faults'],
        ['DELETE', '/faults'],
        ['POST', '/clock'],
        ['GET', '/contract-violations'],
        ['POST', '/orders/generate'],
      ])
        expect((await json(locked, method, route, method === 'POST' ? {} : undefined)).status).toBe(401);
      const faults = await json(locked, 'GET', '/faults', undefined, { 'x-sandbox-key': 'k3y-0f-the-demo' });
      expect(await faults.json()).toEqual({ faults: [] });
      // Authorization: Bearer works too, for clients that only set that header.
      const created = await json(
        locked,
        'POST',
        '/accounts',
        { channel: 'WALMART' },
        { authorization: 'Bearer k3y-0f-the-demo' },
      );
      expect(created.status).toBe(201);
      const creds = (await created.json()) as { clientId: string; clientSecret: string };
      // The channel's own API answers with the channel's credentials, no sandbox key.
      const client = new WalmartClient(locked.walmartBaseUrl, creds);
      await expect(client.authenticate()).resolves.toBeDefined();
    } finally {
      await locked.close();
    }
  });

  it('survives a restart through the snapshot file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-snap-'));
    const snapshotFile = path.join(dir, 'state.json');
    try {
      const first = await createSandbox({ snapshotFile, clock: T0 });
      const creds = first.createAccount('WALMART');
      const { orderIds } = first.generateOrders({ accountId: creds.accountId, count: 3 });
      const client = new WalmartClient(first.walmartBaseUrl, creds);
      await client.authenticate();
      await client.call('POST', `/v3/orders/${orderIds[0]}/acknowledge`);
      await first.close();

      const second = await createSandbox({ snapshotFile, clock: T0 });
      try {
        const again = new WalmartClient(second.walmartBaseUrl, creds);
        again.token = client.token;
        const order = await again.call('GET', `/v3/orders/${orderIds[0]}`);
        expect(order.status).toBe(200);
        expect(order.body.order.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].status).toBe(
          'Acknowledged',
        );
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
