import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { easypostExample, keysBeyond, shapeDifferences } from '@order-hub/contracts';
import type { Sandbox } from '../src';
import { startSandbox, T0 } from './helpers/sandbox';
import { control } from './helpers/control';

const HOUR = 3600 * 1000;

function api(sandbox: Sandbox, key = sandbox.easypostApiKey) {
  const auth = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sandbox.easypostBaseUrl}${path.replace(/^\//, '')}`, {
      method,
      headers: { Authorization: auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
}

const CHARLOTTE = { city: 'Charlotte', state: 'NC', zip: '28202' };

describe('EasyPost simulator: shapes, faults, control, limits', () => {
  let sandbox: Sandbox;
  let call: ReturnType<typeof api>;
  let n = 0;
  /** A USPS-shaped code not used before in this file. */
  const nextCode = () => `94001118992231974${String((n += 1)).padStart(5, '0')}`;

  async function parcel(fault?: Record<string, unknown>) {
    const code = nextCode();
    const created = await control(sandbox, 'POST', '/easypost/parcels', {
      carrier: 'USPS',
      trackingCode: code,
      shipTo: CHARLOTTE,
      ...(fault ? { fault } : {}),
    });
    expect(created.status).toBe(201);
    const tracker = await call('POST', '/trackers', { tracker: { tracking_code: code, carrier: 'USPS' } });
    expect(tracker.status).toBe(201);
    return { code, id: tracker.body.id as string };
  }
  const retrieve = async (id: string) => (await call('GET', `/trackers/${id}`)).body;

  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
    call = api(sandbox);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.clock.set(T0));

  it("answers trackers, lists and webhooks with the keys and value types of EasyPost's examples", async () => {
    const { id } = await parcel();
    sandbox.clock.advance(3 * 24 * HOUR);
    const tracker = await retrieve(id);
    expect(tracker.status).toBe('delivered');
    const trackerExamples = ['trackers-create', 'trackers-retrieve'].map((n) => easypostExample(n).body);
    for (const example of trackerExamples) expect(shapeDifferences(example, tracker)).toEqual([]);
    expect(keysBeyond(trackerExamples, tracker)).toEqual([]);

    const list = await call('GET', `/trackers?page_size=1`);
    expect(shapeDifferences(easypostExample('trackers-list').body, list.body)).toEqual([]);
    expect(keysBeyond([easypostExample('trackers-list').body, { trackers: trackerExamples }], list.body)).toEqual([]);

    const hook = await call('POST', '/webhooks', { webhook: { url: 'http://127.0.0.1:9/none' } });
    expect(shapeDifferences(easypostExample('webhooks-create').body, hook.body)).toEqual([]);
    const hooks = await call('GET', '/webhooks');
    expect(shapeDifferences(easypostExample('webhooks-list').body, hooks.body)).toEqual([]);
    expect((await call('DELETE', `/webhooks/${hook.body.id}`)).status).toBe(200);
    expect((await call('GET', `/webhooks/${hook.body.id}`)).body.error.code).toBe('NOT_FOUND');
  });

  it("posts events in the shape of EasyPost's tracker.updated body", async () => {
    const bodies: string[] = [];
    const server: Server = createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString('utf8')));
      req.on('end', () => {
        bodies.push(data);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const hook = await call('POST', '/webhooks', { webhook: { url, webhook_secret: 's3cret' } });
      const { id } = await parcel();
      sandbox.clock.advance(7 * HOUR);
      const counts = await control(sandbox, 'POST', '/easypost/webhooks/deliver');
      expect(counts.body).toMatchObject({ failed: 0, pending: 0 });
      expect(counts.body.delivered).toBe(counts.body.attempted);
      const ours = bodies.map((b) => JSON.parse(b)).filter((e) => e.result.id === id);
      expect(ours.map((e) => e.description)).toEqual(['tracker.created', 'tracker.updated']);
      const updated = ours[1];
      expect(updated.previous_attributes).toEqual({ status: 'pre_transit' });
      const examples = ['event-body', 'tracking-webhook'].map((n) => easypostExample(n).body);
      for (const example of examples) expect(shapeDifferences(example, updated)).toEqual([]);
      const trackers = ['trackers-create', 'trackers-retrieve'].map((n) => ({ result: easypostExample(n).body }));
      expect(keysBeyond([...examples, ...trackers], updated)).toEqual([]);
      await call('DELETE', `/webhooks/${hook.body.id}`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('NO_SCAN: the label is printed and never handed over (pre_transit forever)', async () => {
    const { id } = await parcel({ fault: 'NO_SCAN' });
    sandbox.clock.advance(10 * 24 * HOUR);
    const t = await retrieve(id);
    expect(t.status).toBe('pre_transit');
    expect(t.tracking_details.map((d: any) => d.status)).toEqual(['pre_transit']);
  });

  it('LATE_FIRST_SCAN: the first carrier scan comes lateByHours after ship', async () => {
    const { id } = await parcel({ fault: 'LATE_FIRST_SCAN', lateByHours: 50 });
    sandbox.clock.advance(49 * HOUR);
    expect((await retrieve(id)).status).toBe('pre_transit');
    sandbox.clock.advance(2 * HOUR);
    const t = await retrieve(id);
    expect(t.status).toBe('in_transit');
    expect(Date.parse(t.tracking_details[1].datetime)).toBe(T0.getTime() + 50 * HOUR);
  });

  it('DELIVERED_ELSEWHERE: delivered at another city and ZIP than the ship-to', async () => {
    const { id } = await parcel({
      fault: 'DELIVERED_ELSEWHERE',
      deliveredTo: { city: 'Raleigh', state: 'NC', zip: '27601' },
    });
    sandbox.clock.advance(4 * 24 * HOUR);
    const t = await retrieve(id);
    expect(t.status).toBe('delivered');
    expect(t.tracking_details.at(-1).tracking_location).toMatchObject({ city: 'RALEIGH', zip: '27601' });
  });

  it('a fault set after the first scan changes the walk: RETURN_TO_SENDER ends returned', async () => {
    const { code, id } = await parcel();
    sandbox.clock.advance(7 * HOUR);
    expect((await retrieve(id)).status).toBe('in_transit');
    const put = await control(sandbox, 'PUT', `/easypost/parcels/USPS/${code}/fault`, { fault: 'RETURN_TO_SENDER' });
    expect(put.status).toBe(200);
    sandbox.clock.advance(4 * 24 * HOUR);
    expect((await retrieve(id)).status).toBe('return_to_sender');
  });

  it('WRONG_PARCEL: the number scans days before the shipment, from and to other places', async () => {
    const { id } = await parcel({ fault: 'WRONG_PARCEL' });
    const t = await retrieve(id);
    expect(t.status).toBe('delivered');
    expect(Date.parse(t.tracking_details[0].datetime)).toBeLessThan(T0.getTime());
    expect(t.carrier_detail.destination_tracking_location.zip).not.toBe(CHARLOTTE.zip);
  });

  it('UNTRACKABLE: POST /trackers refuses the code; an unknown code of a carrier format never scans', async () => {
    const code = nextCode();
    await control(sandbox, 'POST', '/easypost/parcels', {
      carrier: 'USPS',
      trackingCode: code,
      fault: { fault: 'UNTRACKABLE' },
    });
    const refused = await call('POST', '/trackers', { tracker: { tracking_code: code, carrier: 'USPS' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'TRACKER.NO_CARRIER_FOR_CODE' });
    const stranger = await call('POST', '/trackers', { tracker: { tracking_code: '1Z999AA10000000001' } });
    expect(stranger.status).toBe(201);
    expect(stranger.body).toMatchObject({ carrier: 'UPS', status: 'unknown', tracking_details: [] });
    sandbox.clock.advance(5 * 24 * HOUR);
    expect((await retrieve(stranger.body.id)).status).toBe('unknown');
  });

  it("matches a parcel by EasyPost's carrier name whatever the channel called the carrier", async () => {
    const code = '9261290100130435082579';
    const made = await control(sandbox, 'POST', '/easypost/parcels', {
      carrier: 'FedEx SmartPost',
      trackingCode: code,
    });
    expect(made.body.carrier).toBe('FedExSmartPost');
    const tracker = await call('POST', '/trackers', { tracker: { tracking_code: code, carrier: 'FedExSmartPost' } });
    expect(tracker.body).toMatchObject({ carrier: 'FedExSmartPost', status: 'pre_transit' });
    const laser = await call('POST', '/trackers', {
      tracker: { tracking_code: '1LS123456789012', carrier: 'LaserShipV2' },
    });
    expect(laser.body).toMatchObject({ carrier: 'LaserShipV2', status: 'unknown' });
  });

  it('control input is checked, naming the field and the rule', async () => {
    const bad = await control(sandbox, 'POST', '/easypost/parcels', {
      carrier: 'USPS',
      trackingCode: nextCode(),
      fault: { fault: 'LOST' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^fault\.fault must be one of NO_SCAN, LATE_FIRST_SCAN/);
    const zip = await control(sandbox, 'POST', '/easypost/parcels', {
      carrier: 'USPS',
      trackingCode: nextCode(),
      shipTo: { city: 'X', state: 'NC', zip: 'ABC' },
    });
    expect(zip.body.error).toBe('shipTo.zip must be a US ZIP (12345 or 12345-6789)');
    const missing = await control(sandbox, 'PUT', '/easypost/parcels/USPS/NOPE/fault', { fault: 'NO_SCAN' });
    expect(missing.status).toBe(404);
    const carrier = await control(sandbox, 'POST', '/easypost/parcels', {
      carrier: 'Pigeon',
      trackingCode: nextCode(),
    });
    expect(carrier.body.error).toMatch(/^carrier Pigeon is not a carrier/);
  });

  it("answers 401 without the key, in EasyPost's error envelope", async () => {
    const res = await api(sandbox, 'EZTK_nobody')('GET', '/trackers');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String), errors: [] } });
  });

  it('scripts 500s, 429s and hung calls through the fault registry', async () => {
    sandbox.injectFault({ channel: 'EASYPOST', route: '/easypost/v2/trackers', error500: 1, times: 1 });
    const failed = await call('GET', '/trackers');
    expect(failed.status).toBe(500);
    expect(failed.body.error.code).toBe('INTERNAL_SERVER_ERROR');
    expect((await call('GET', '/trackers')).status).toBe(200);
    sandbox.injectFault({ channel: 'EASYPOST', error429: 1, times: 1 });
    expect((await call('GET', '/trackers')).body.error.code).toBe('RATE_LIMITED');
    sandbox.injectFault({ channel: 'EASYPOST', timeout: 1, timeoutMs: 100, times: 1 });
    await expect(call('GET', '/trackers')).rejects.toThrow();
    expect((await call('GET', '/trackers')).status).toBe(200);
  });
});

describe('EasyPost simulator rate limit', () => {
  it('answers 429 with RATE_LIMITED past the configured limit', async () => {
    const sandbox = await startSandbox({ throttling: { easypost: { rate: 0.001, burst: 2 } } });
    try {
      const call = api(sandbox);
      expect((await call('GET', '/trackers')).status).toBe(200);
      expect((await call('GET', '/trackers')).status).toBe(200);
      const limited = await call('GET', '/trackers');
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('RATE_LIMITED');
    } finally {
      await sandbox.close();
    }
  });
});
