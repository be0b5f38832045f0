import { createHmac, randomUUID } from 'node:crypto';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { PushLedger } from '../src/modules/push/ledger/push-ledger.service';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, type ConnectedAccount } from './support/sync-helpers';

const PER_MINUTE = 50;
const AUTH_FAILURES = 10;

/** Walmart's test event (no order): the route stores it without reading anything from Walmart. */
const testEvent = () =>
  JSON.stringify({
    source: {
      eventType: 'ORDER_UPDATES',
      eventVersion: 'V1',
      eventTime: new Date().toISOString(),
      eventId: randomUUID(),
    },
    payload: { partnerId: '1', message: 'Test notification for ORDER_UPDATES' },
  });

describe.each(testDatabases())('the push route and the rate limits on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let account: ConnectedAccount;
  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 22, throttling: false });
    app = await startTestApp(kind, {
      RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
      AUTH_FAILURE_LIMIT_PER_MINUTE: String(AUTH_FAILURES),
      // Subscribing only registers the URL at Walmart; nothing is delivered in this suite.
      PUBLIC_URL: 'http://127.0.0.1:9',
    });
    account = await connectSandboxAccount(app, sandbox, 'WALMART', 'Walmart limits');
    const res = await app.gql(`mutation($id: ID!) { subscribePush(accountId: $id) { id } }`, { id: account.hubId });
    expect(res.errors).toBeUndefined();
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  const post = (body: string, signature: string) =>
    fetch(`${app.baseUrl}/push/${account.hubId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-orderhub-signature': signature },
      body,
    });

  it('accepts 200 signed pushes from one address (4× its request limit); bad signatures count as refused authentications', async () => {
    const secret = (await app.running.app.get(PushLedger).webhookSecret(account.hubId))!;
    const sign = (body: string) => createHmac('sha256', secret).update(body).digest('hex');
    const statuses: number[] = [];
    for (let i = 0; i < 200; i += 10) {
      const batch = Array.from({ length: 10 }, testEvent);
      statuses.push(...(await Promise.all(batch.map((b) => post(b, sign(b)).then((r) => r.status)))));
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const [stored] = await app.ds.query(`SELECT count(*)::int AS n FROM push_event WHERE account_id = $1`, [
      account.hubId,
    ]);
    expect(stored.n).toBe(200);

    const forged = testEvent();
    const refused: number[] = [];
    for (let i = 0; i < AUTH_FAILURES + 5; i++) refused.push((await post(forged, 'ff'.repeat(32))).status);
    expect(refused.slice(0, AUTH_FAILURES)).toEqual(Array(AUTH_FAILURES).fill(401));
    expect(refused.slice(AUTH_FAILURES)).toEqual(Array(5).fill(429));
    const [after] = await app.ds.query(`SELECT count(*)::int AS n FROM push_event WHERE account_id = $1`, [
      account.hubId,
    ]);
    expect(after.n).toBe(200);
  });
});
