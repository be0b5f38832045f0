import { createHmac } from 'node:crypto';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const SECRET = 'whsec_order_hub_rate_limit_test';
const PER_MINUTE = 50;
const AUTH_FAILURES = 10;

const sign = (body: string) =>
  `hmac-sha256-hex=${createHmac('sha256', Buffer.from(SECRET.normalize('NFKD'), 'utf8'))
    .update(body, 'utf8')
    .digest('hex')}`;

/** A `tracker.updated` event as EasyPost posts it (about a parcel this hub does not follow). */
function trackerUpdated(n: number): string {
  const at = new Date(Date.UTC(2026, 10, 2, 12, 0, n % 60)).toISOString();
  return JSON.stringify({
    object: 'Event',
    id: `evt_rate_limit_${n}`,
    mode: 'test',
    description: 'tracker.updated',
    previous_attributes: {},
    created_at: at,
    updated_at: at,
    status: 'pending',
    result: {
      id: `trk_rate_limit_${n}`,
      object: 'Tracker',
      mode: 'test',
      tracking_code: `1ZRATELIMIT${String(n).padStart(7, '0')}`,
      status: 'in_transit',
      status_detail: 'arrived_at_facility',
      created_at: at,
      updated_at: at,
      carrier: 'UPS',
      tracking_details: [
        {
          object: 'TrackingDetail',
          message: 'Arrived at facility',
          status: 'in_transit',
          status_detail: 'arrived_at_facility',
          datetime: at,
          source: 'UPS',
          tracking_location: { city: 'LOUISVILLE', state: 'KY', zip: '40213', country: 'US' },
        },
      ],
      carrier_detail: null,
      public_url: null,
      fees: [],
    },
  });
}

describe.each(testDatabases())('tracking webhooks and the rate limits on %s', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind, {
      RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
      AUTH_FAILURE_LIMIT_PER_MINUTE: String(AUTH_FAILURES),
      EASYPOST_WEBHOOK_SECRET: SECRET,
    });
  });
  afterAll(() => app?.close());

  const post = (body: string, signature: string) =>
    fetch(`${app.baseUrl}/webhooks/easypost`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hmac-signature': signature },
      body,
    });

  it('accepts 200 signed posts from one address (4× its request limit) without spending its budget; bad signatures are limited', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 200; i += 10) {
      const batch = Array.from({ length: 10 }, (_, k) => trackerUpdated(i + k));
      statuses.push(...(await Promise.all(batch.map((b) => post(b, sign(b)).then((r) => r.status)))));
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    // The address's other requests still have their whole budget.
    const graphql = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(graphql.status).not.toBe(429);

    const forged = trackerUpdated(999);
    const refused: number[] = [];
    for (let i = 0; i < AUTH_FAILURES + 5; i++) refused.push((await post(forged, 'hmac-sha256-hex=00ff')).status);
    expect(refused.slice(0, AUTH_FAILURES)).toEqual(Array(AUTH_FAILURES).fill(401));
    expect(refused.slice(AUTH_FAILURES)).toEqual(Array(5).fill(429));
    const [stored] = await app.ds.query(`SELECT count(*)::int AS n FROM tracking_webhook_event WHERE id = $1`, [
      'evt_rate_limit_999',
    ]);
    expect(stored.n).toBe(0);
  });
});
