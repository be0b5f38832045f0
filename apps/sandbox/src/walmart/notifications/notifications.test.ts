import { createHmac } from 'node:crypto';
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from '../../index';
import { SINGLE } from '../../../test/helpers/fixtures';
import { T0, startSandbox, walmartSeller } from '../../../test/helpers/sandbox';

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: {
    source: { eventType: string; eventVersion: string; eventId: string; eventTime: string };
    payload: { subEventType?: string; partnerId: string; order?: { purchaseOrderId: string } };
  };
}

const SECRET = 'hub-secret-0123456789';
const HEADER = 'X-OrderHub-Signature';

/** A destination that records every post and answers the statuses queued for it (then 200). */
async function receiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, raw, body: JSON.parse(raw) as Received['body'] });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/push/acc-1`;
  return { received, statuses, url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 4_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const hmac = (raw: string) => createHmac('sha256', SECRET).update(raw).digest('hex');

function orderUpdates(url: string, auth: Record<string, string> = {}) {
  return {
    events: [
      {
        eventType: 'ORDER_UPDATES',
        eventVersion: 'V1',
        resourceName: 'ORDER',
        eventUrl: url,
        status: 'ACTIVE',
        headers: { 'content-type': 'application/json' },
        authDetails: { authMethod: 'HMAC', authHeaderName: HEADER, clientSecret: SECRET, ...auth },
      },
    ],
  };
}

describe('Walmart Notifications API and ORDER_UPDATES webhooks', () => {
  let sandbox: Sandbox;
  let dest: Awaited<ReturnType<typeof receiver>>;
  const control = (method: string, path: string, body?: unknown) =>
    sandbox.app.inject({ method: method as 'POST', url: `/_sandbox${path}`, ...(body ? { payload: body } : {}) });

  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
    dest = await receiver();
  });
  afterAll(async () => {
    await sandbox.close();
    await dest.close();
  });
  beforeEach(() => {
    sandbox.clock.set(T0);
    dest.received.length = 0;
    dest.statuses.length = 0;
  });
  afterEach(() => {
    expect(sandbox.contractViolations().responseViolations).toBe(0);
  });

  it('lists ORDER_UPDATES among the event types', async () => {
    const { client } = await walmartSeller(sandbox);
    const res = await client.call('GET', '/v3/webhooks/eventTypes');
    expect(res.status).toBe(200);
    expect(res.body.eventTypes).toContainEqual(
      expect.objectContaining({ eventType: 'ORDER_UPDATES', eventVersion: 'V1', resourceName: 'ORDER' }),
    );
  });

  it('creates, lists, updates and deletes a subscription, never echoing the secret', async () => {
    const { client } = await walmartSeller(sandbox);
    const created = await client.call('POST', '/v3/webhooks/subscriptions', orderUpdates(dest.url));
    expect(created.status).toBe(200);
    const [sub] = created.body.event;
    expect(sub).toMatchObject({ eventType: 'ORDER_UPDATES', status: 'ACTIVE', eventUrl: dest.url });
    expect(sub.authDetails).toEqual({ authMethod: 'HMAC', authHeaderName: HEADER });
    const again = await client.call('POST', '/v3/webhooks/subscriptions', orderUpdates(dest.url));
    expect(again.body.event[0].subscriptionId).toBe(sub.subscriptionId);

    const listed = await client.call('GET', `/v3/webhooks/subscriptions?subscriptionId=${sub.subscriptionId}`);
    expect(listed.body.events).toEqual([expect.objectContaining({ eventType: 'ORDER_UPDATES', status: 'ACTIVE' })]);
    const patched = await client.call('PATCH', `/v3/webhooks/subscriptions/${sub.subscriptionId}`, {
      status: 'INACTIVE',
    });
    expect(patched.body.event[0]).toMatchObject({ subscriptionId: sub.subscriptionId, status: 'INACTIVE' });
    const deleted = await client.call('DELETE', `/v3/webhooks/subscriptions/${sub.subscriptionId}`);
    expect(deleted.body).toEqual({ subscriptionId: sub.subscriptionId, message: 'Successfully deleted subscription' });
    const gone = await client.call('DELETE', `/v3/webhooks/subscriptions/${sub.subscriptionId}`);
    expect(gone.status).toBe(404);
    expect((await client.call('GET', '/v3/webhooks/subscriptions')).body.events).toEqual([]);
  });

  it('refuses a subscription without eventUrl, of an unknown event type, or HMAC without clientSecret', async () => {
    const { client } = await walmartSeller(sandbox);
    const body = orderUpdates(dest.url);
    const { eventUrl: _url, ...noUrl } = body.events[0];
    const cases: [unknown, RegExp][] = [
      [{ events: [noUrl] }, /eventUrl/],
      [{ events: [{ ...body.events[0], eventType: 'ORDER_TELEPORTED' }] }, /events\[0\]\.eventType/],
      [
        { events: [{ ...body.events[0], authDetails: { authMethod: 'HMAC', authHeaderName: HEADER } }] },
        /clientSecret/,
      ],
      [{ events: [{ ...body.events[0], eventUrl: 'not a url' }] }, /events\[0\]\.eventUrl/],
      [{ events: [{ ...body.events[0], status: 'PAUSED' }] }, /events\[0\]\.status/],
    ];
    for (const [request, field] of cases) {
      const res = await client.raw('POST', '/v3/webhooks/subscriptions', JSON.stringify(request), {
        ...client.headers(),
        'Content-Type': 'application/json',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.error[0].field).toMatch(field);
    }
    expect((await client.call('GET', '/v3/webhooks/subscriptions')).body.events).toEqual([]);
  });

  it('posts a signed test notification and fails the call when the destination refuses it', async () => {
    const { client } = await walmartSeller(sandbox);
    const { status: _s, ...test } = orderUpdates(dest.url).events[0];
    const ok = await client.call('POST', '/v3/webhooks/test', test);
    expect(ok.body).toEqual({ message: 'Eventurl successfully validated' });
    const [got] = dest.received;
    expect(got.body.source.eventType).toBe('ORDER_UPDATES');
    expect(got.body.payload.order).toBeUndefined();
    expect(got.headers[HEADER.toLowerCase()]).toBe(hmac(got.raw));
    dest.statuses.push(401);
    const refused = await client.call('POST', '/v3/webhooks/test', test);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.error[0].field).toBe('eventUrl');
  });

  it('pushes PO_CREATED for a new order, signed with HMAC, without blocking the order', async () => {
    const { client, creds } = await walmartSeller(sandbox);
    await client.call('POST', '/v3/webhooks/subscriptions', orderUpdates(dest.url));
    const { orderIds } = sandbox.generateOrders({ accountId: creds.accountId, count: 2, seed: 3, ...SINGLE });
    await until(() => dest.received.length === 2, 'two PO_CREATED pushes');
    for (const got of dest.received) {
      expect(got.headers[HEADER.toLowerCase()]).toBe(hmac(got.raw));
      expect(got.body.source).toMatchObject({ eventType: 'ORDER_UPDATES', eventVersion: 'V1' });
      expect(got.body.payload.subEventType).toBe('PO_CREATED');
      expect(got.body.payload.partnerId).toBe(creds.sellerId);
    }
    expect(dest.received.map((r) => r.body.payload.order?.purchaseOrderId).sort()).toEqual([...orderIds].sort());
  });

  it('signs BASIC_AUTH destinations with HTTP Basic in the named header', async () => {
    const { client, creds } = await walmartSeller(sandbox);
    await client.call('POST', '/v3/webhooks/subscriptions', {
      events: [
        {
          ...orderUpdates(dest.url).events[0],
          authDetails: { authMethod: 'BASIC_AUTH', userName: 'hub', password: 'pw', authHeaderName: 'Authorization' },
        },
      ],
    });
    sandbox.generateOrders({ accountId: creds.accountId, count: 1, seed: 4, ...SINGLE });
    await until(() => dest.received.length === 1, 'one push');
    expect(dest.received[0].headers.authorization).toBe(`Basic ${Buffer.from('hub:pw').toString('base64')}`);
  });

  it('retries a push the destination answered 500, with the same event id', async () => {
    const { client, creds } = await walmartSeller(sandbox);
    await client.call('POST', '/v3/webhooks/subscriptions', orderUpdates(dest.url));
    dest.statuses.push(500);
    sandbox.generateOrders({ accountId: creds.accountId, count: 1, seed: 5, ...SINGLE });
    await until(() => dest.received.length === 1, 'the first attempt');
    sandbox.clock.advance(1_000);
    await control('POST', '/walmart/webhooks/deliver');
    await until(() => dest.received.length === 2, 'the retry');
    expect(dest.received[1].body.source.eventId).toBe(dest.received[0].body.source.eventId);
    const log = (await control('GET', `/walmart/webhooks/deliveries?accountId=${creds.accountId}`)).json();
    expect(log.deliveries.map((d: { attempt: number; status: number }) => [d.attempt, d.status])).toEqual([
      [1, 500],
      [2, 200],
    ]);
  });

  it('drops, duplicates, delays and reorders pushes as the account faults say', async () => {
    const { client, creds } = await walmartSeller(sandbox);
    await client.call('POST', '/v3/webhooks/subscriptions', orderUpdates(dest.url));
    const faults = (spec: Record<string, number>) =>
      control('PUT', '/walmart/webhooks/faults', { accountId: creds.accountId, ...spec });
    expect((await faults({ drop: 2 })).statusCode).toBe(400);
    expect((await faults({ dorp: 1 })).json().error).toMatch(/dorp is not a webhook fault/);

    await faults({ drop: 1 });
    sandbox.generateOrders({ accountId: creds.accountId, count: 1, seed: 6, ...SINGLE });
    await control('POST', '/walmart/webhooks/deliver');
    expect(dest.received).toHaveLength(0);

    await faults({ duplicate: 1 });
    sandbox.generateOrders({ accountId: creds.accountId, count: 1, seed: 7, ...SINGLE });
    await until(() => dest.received.length === 2, 'the push and its duplicate');
    expect(dest.received[0].raw).toBe(dest.received[1].raw);

    await faults({ delay: 1 });
    sandbox.generateOrders({ accountId: creds.accountId, count: 1, seed: 8, ...SINGLE });
    await control('POST', '/walmart/webhooks/deliver');
    expect(dest.received).toHaveLength(2);
    sandbox.clock.advance(24 * 3600_000);
    await control('POST', '/walmart/webhooks/deliver');
    await until(() => dest.received.length === 3, 'the push delayed 24 h');
    await faults({ outOfOrder: 1, outOfOrderMs: 30_000 });
    const [first] = sandbox.generateOrders({ accountId: creds.accountId, count: 1, seed: 13, ...SINGLE }).orderIds;
    await faults({});
    const [second] = sandbox.generateOrders({ accountId: creds.accountId, count: 1, seed: 14, ...SINGLE }).orderIds;
    await until(() => dest.received.length === 4, 'the push that overtook');
    sandbox.clock.advance(30_000);
    await control('POST', '/walmart/webhooks/deliver');
    await until(() => dest.received.length === 5, 'the push held back');
    expect(dest.received.slice(3).map((r) => r.body.payload.order?.purchaseOrderId)).toEqual([second, first]);

    await control('DELETE', `/walmart/webhooks/faults?accountId=${creds.accountId}`);
    const log = (await control('GET', `/walmart/webhooks/deliveries?accountId=${creds.accountId}`)).json();
    expect(log.deliveries.map((d: { fault?: string }) => d.fault).filter(Boolean)).toEqual([
      'dropped',
      'duplicated',
      'delayed',
      'reordered',
    ]);
  });

  it('pushes INTENT_TO_CANCEL, FRAUD_CANCEL and PO_LINE_AUTOCANCELLED', async () => {
    const { client, creds } = await walmartSeller(sandbox);
    await client.call('POST', '/v3/webhooks/subscriptions', orderUpdates(dest.url));
    const [asked] = sandbox.generateOrders({
      accountId: creds.accountId,
      count: 1,
      seed: 9,
      mix: { ...SINGLE.mix, intentToCancel: 1 },
    }).orderIds;
    await until(() => dest.received.length === 2, 'PO_CREATED and INTENT_TO_CANCEL');
    expect(dest.received.map((r) => r.body.payload.subEventType)).toEqual(['PO_CREATED', 'INTENT_TO_CANCEL']);

    const fraud = await control('POST', `/walmart/orders/${asked}/fraud-cancel`);
    expect(fraud.statusCode).toBe(200);
    await until(() => dest.received.length === 3, 'FRAUD_CANCEL');
    expect(dest.received[2].body.payload).toMatchObject({
      subEventType: 'FRAUD_CANCEL',
      order: { purchaseOrderId: asked },
    });

    const [late] = sandbox.generateOrders({ accountId: creds.accountId, count: 1, seed: 10, ...SINGLE }).orderIds;
    await until(() => dest.received.length === 4, 'PO_CREATED');
    sandbox.clock.advance(30 * 24 * 3600_000);
    await client.authenticate();
    await client.call('GET', `/v3/orders/${late}`);
    await until(() => dest.received.length === 5, 'PO_LINE_AUTOCANCELLED');
    expect(dest.received[4].body.payload).toMatchObject({
      subEventType: 'PO_LINE_AUTOCANCELLED',
      order: { purchaseOrderId: late },
    });
  });
});
