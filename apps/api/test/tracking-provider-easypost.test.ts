import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { EasyPostTrackingProvider } from '../src/modules/carrier-tracking/provider/easypost/easypost-tracking-provider';
import {
  TrackingProviderError,
  type TrackerSnapshot,
  WebhookSignatureError,
} from '../src/modules/carrier-tracking/provider/tracking-provider';
import { TrackingProviderService } from '../src/modules/carrier-tracking/provider/tracking-provider.service';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const HOUR = 3600_000;
/** A Monday afternoon: first scans come the same day, deliveries two days later. */
const START = new Date('2026-11-30T15:00:00Z');
const CONTROL_KEY = 'tracking-provider-test';
const WEBHOOK_SECRET = 'hub-webhook-secret';
const SHIP_TO = { city: 'Charleston', state: 'SC', zip: '29401' };
const USPS_CODE = '9400111899223344556677';
const UPS_CODE = '1Z999AA10123456784';
const ELSEWHERE_CODE = '9400111899223344550000';

async function control(sandbox: Sandbox, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sandbox.controlBaseUrl}${path}`, {
    method,
    headers: { 'x-sandbox-key': CONTROL_KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
}

/** Keeps each webhook POST's raw body and headers, as the hub's route receives them. */
async function webhookReceiver() {
  const received: { body: Buffer; headers: IncomingHttpHeaders }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks), headers: req.headers });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/easypost`;
  return { received, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function tracked(provider: EasyPostTrackingProvider, ...args: Parameters<EasyPostTrackingProvider['track']>) {
  const result = await provider.track(...args);
  if (result.kind !== 'TRACKING') throw new Error(`expected a tracker, got ${JSON.stringify(result)}`);
  return result.tracker;
}

describe('EasyPostTrackingProvider against the sandbox', () => {
  let sandbox: Sandbox;
  let provider: EasyPostTrackingProvider;

  beforeAll(async () => {
    sandbox = await createSandbox({ clock: START, throttling: false, controlApiKey: CONTROL_KEY });
    provider = new EasyPostTrackingProvider({
      apiKey: sandbox.easypostApiKey,
      webhookSecret: WEBHOOK_SECRET,
      baseUrl: sandbox.easypostBaseUrl,
      timeoutMs: 5_000,
    });
    for (const [carrier, trackingCode] of [
      ['USPS', USPS_CODE],
      ['UPS', UPS_CODE],
    ])
      await control(sandbox, 'POST', '/easypost/parcels', { carrier, trackingCode, shippedAt: START, shipTo: SHIP_TO });
    await control(sandbox, 'POST', '/easypost/parcels', {
      carrier: 'USPS',
      trackingCode: ELSEWHERE_CODE,
      shippedAt: START,
      shipTo: SHIP_TO,
      fault: { fault: 'DELIVERED_ELSEWHERE', deliveredTo: { city: 'Austin', state: 'TX', zip: '78701' } },
    });
  });
  afterAll(() => sandbox?.close());

  it('registers a number once per code and carrier and follows it to delivery at the ship-to', async () => {
    const created = await tracked(provider, 'USPS', USPS_CODE);
    expect(created).toMatchObject({ trackingCode: USPS_CODE, carrier: 'USPS', status: 'PRE_TRANSIT' });
    expect(created.providerTrackerId).toMatch(/^trk_/);
    expect(created.publicUrl).toMatch(/^https?:\/\//);
    expect((await tracked(provider, 'USPS', USPS_CODE)).providerTrackerId).toBe(created.providerTrackerId);

    sandbox.clock.advance(3 * 24 * HOUR);
    const delivered = await provider.get(created.providerTrackerId);
    expect(delivered.status).toBe('DELIVERED');
    const statuses = delivered.details.map((d) => d.status);
    expect(statuses[0]).toBe('PRE_TRANSIT');
    expect(statuses.indexOf('IN_TRANSIT')).toBeGreaterThan(0);
    expect(statuses.at(-1)).toBe('DELIVERED');
    expect(delivered.details.at(-1)!.location).toMatchObject({ city: 'CHARLESTON', state: 'SC', zip: '29401' });
    expect(delivered.origin).not.toBeNull();
    expect(delivered.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
  });

  it('reports the carrier delivering elsewhere as the carrier saw it', async () => {
    const tracker = await tracked(provider, 'USPS', ELSEWHERE_CODE);
    expect(tracker.details.at(-1)!.location).toMatchObject({ city: 'AUSTIN', state: 'TX', zip: '78701' });
  });

  it('lets EasyPost find the carrier of an OTHER number, and lists trackers by code and carrier', async () => {
    const ups = await tracked(provider, 'OTHER', UPS_CODE);
    expect(ups.carrier).toBe('UPS');
    const both = await provider.byCodes([USPS_CODE, UPS_CODE]);
    expect(both.map((t) => t.trackingCode).sort()).toEqual([UPS_CODE, USPS_CODE].sort());
    const onlyUps = await provider.byCodes([USPS_CODE, UPS_CODE], 'UPS');
    expect(onlyUps.map((t) => t.trackingCode)).toEqual([UPS_CODE]);
  });

  it('marks a number no supported carrier matches, or a parcel the sandbox makes untrackable, as UNTRACKABLE', async () => {
    const unknown = await provider.track('OTHER', 'NOTAPARCEL42');
    expect(unknown).toMatchObject({ kind: 'UNTRACKABLE' });
    expect(unknown.kind === 'UNTRACKABLE' && unknown.reason).toContain('TRACKER.NO_CARRIER_FOR_CODE');
    const code = '9400111899223344553333';
    await control(sandbox, 'POST', '/easypost/parcels', {
      carrier: 'USPS',
      trackingCode: code,
      shippedAt: sandbox.clock.now(),
      shipTo: SHIP_TO,
      fault: { fault: 'UNTRACKABLE' },
    });
    expect(await provider.track('USPS', code)).toMatchObject({ kind: 'UNTRACKABLE' });
  });

  it('pages trackers changed since an instant, oldest change first', async () => {
    const seen: TrackerSnapshot[] = [];
    let next: string | null = null;
    do {
      const page = await provider.updatedSince(new Date(START.getTime() + HOUR), next);
      seen.push(...page.trackers);
      next = page.next;
    } while (next);
    expect(seen.map((t) => t.trackingCode).sort()).toEqual([ELSEWHERE_CODE, UPS_CODE, USPS_CODE].sort());
    const times = seen.map((t) => t.updatedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect((await provider.updatedSince(new Date(sandbox.clock.now().getTime() + HOUR))).trackers).toEqual([]);
  });

  it('says which failures are worth retrying: a refused key is not, a 503 and an unreachable host are', async () => {
    const wrongKey = new EasyPostTrackingProvider({
      apiKey: 'not-the-key',
      webhookSecret: null,
      baseUrl: sandbox.easypostBaseUrl,
      timeoutMs: 5_000,
    });
    const refused = await wrongKey.track('USPS', USPS_CODE).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TrackingProviderError);
    expect(refused).toMatchObject({ retryable: false, httpStatus: 401 });

    const fault = sandbox.injectFault({ route: '/easypost/v2/trackers', error503: 1, times: 1 });
    const unavailable = await provider.track('USPS', USPS_CODE).catch((e: unknown) => e);
    sandbox.clearFaults(fault.id);
    expect(unavailable).toMatchObject({ retryable: true, httpStatus: 503 });

    const closed = new EasyPostTrackingProvider({
      apiKey: sandbox.easypostApiKey,
      webhookSecret: null,
      baseUrl: 'http://127.0.0.1:9/easypost/v2/',
      timeoutMs: 2_000,
    });
    const down = await closed.get('trk_1').catch((e: unknown) => e);
    expect(down).toBeInstanceOf(TrackingProviderError);
    expect(down).toMatchObject({ retryable: true, httpStatus: null });
  });

  it('verifies the webhooks the sandbox signs the EasyPost way, and refuses a changed body', async () => {
    const receiver = await webhookReceiver();
    try {
      expect(await provider.ensureWebhook(receiver.url)).toBe(true);
      expect(await provider.ensureWebhook(receiver.url)).toBe(false);
      sandbox.clock.advance(HOUR);
      await control(sandbox, 'POST', '/easypost/parcels', {
        carrier: 'USPS',
        trackingCode: '9400111899223344551111',
        shippedAt: sandbox.clock.now(),
        shipTo: SHIP_TO,
      });
      await tracked(provider, 'USPS', '9400111899223344551111');
      sandbox.clock.advance(12 * HOUR);
      await control(sandbox, 'POST', '/easypost/webhooks/deliver');
      expect(receiver.received.length).toBeGreaterThan(0);
      for (const { body, headers } of receiver.received) {
        const event = provider.verifyWebhook(body, headers);
        expect(event.id).toMatch(/^evt_/);
        expect(event.description).toMatch(/^tracker\./);
        expect(event.tracker?.trackingCode).toBe('9400111899223344551111');
      }
      const { body, headers } = receiver.received[0];
      const changed = Buffer.from(body.toString('utf8').replace('9400111899223344551111', '9400111899223344552222'));
      expect(() => provider.verifyWebhook(changed, headers)).toThrow(WebhookSignatureError);
      const otherSecret = new EasyPostTrackingProvider({
        apiKey: null,
        webhookSecret: 'another-secret',
        baseUrl: sandbox.easypostBaseUrl,
        timeoutMs: 5_000,
      });
      expect(() => otherSecret.verifyWebhook(body, headers)).toThrow(WebhookSignatureError);
      expect(() => provider.verifyWebhook(body, {})).toThrow('no X-Hmac-Signature header');
    } finally {
      await receiver.close();
    }
  });
});

/** An HTTP server answering every request with one status and body (EasyPost's error envelope, or a proxy's page). */
async function answering(status: number, body: string, contentType = 'application/json') {
  const server = createServer((_req, res) => res.writeHead(status, { 'content-type': contentType }).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const provider = new EasyPostTrackingProvider({
    apiKey: 'EZTK_test',
    webhookSecret: null,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/`,
    timeoutMs: 5_000,
  });
  return { provider, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const envelope = (code: string, message: string) => JSON.stringify({ error: { code, message, errors: [] } });

describe("EasyPost's refusals of a number", () => {
  it.each([
    ['TRACKER.NO_CARRIER_FOR_CODE', 'The tracking code cannot be matched to a supported carrier.'],
    ['TRACKER.UNSUPPORTED_CARRIER', 'The carrier is not supported for tracking.'],
    ['TRACKER.CARRIER_CODE_MISMATCH', 'The tracking number does not belong to the carrier'],
  ])("%s marks the number untrackable with EasyPost's reason", async (code, message) => {
    const stub = await answering(422, envelope(code, message));
    try {
      expect(await stub.provider.track('OTHER', 'WELLFORMED0001')).toEqual({
        kind: 'UNTRACKABLE',
        reason: `${message} (${code})`,
      });
    } finally {
      await stub.close();
    }
  });

  it('a test key refusing a real number is an error to fix, not an untrackable number', async () => {
    const stub = await answering(422, envelope('TRACKER.INVALID_TEST_CODE', 'Test mode only accepts test codes.'));
    try {
      const err = await stub.provider.track('USPS', USPS_CODE).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TrackingProviderError);
      expect(err).toMatchObject({ retryable: false, httpStatus: 422 });
      expect((err as Error).message).toContain('TRACKER.INVALID_TEST_CODE');
    } finally {
      await stub.close();
    }
  });

  it("a proxy page instead of EasyPost's answer is retried", async () => {
    const stub = await answering(502, '<html>Bad gateway</html>', 'text/html');
    try {
      expect(await stub.provider.get('trk_1').catch((e: unknown) => e)).toMatchObject({ retryable: true });
    } finally {
      await stub.close();
    }
  });
});

describe.each(testDatabases())('the hub tracks through the sandbox with EASYPOST_* settings on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;

  beforeAll(async () => {
    sandbox = await createSandbox({ clock: START, throttling: false, controlApiKey: CONTROL_KEY });
    await control(sandbox, 'POST', '/easypost/parcels', {
      carrier: 'UPS',
      trackingCode: UPS_CODE,
      shippedAt: START,
      shipTo: SHIP_TO,
    });
    app = await startTestApp(kind, {
      EASYPOST_API_KEY: sandbox.easypostApiKey,
      EASYPOST_WEBHOOK_SECRET: WEBHOOK_SECRET,
      EASYPOST_BASE_URL: sandbox.easypostBaseUrl,
    });
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('registers a shipment with the current provider and records that it answered', async () => {
    const providers = app.running.app.get(TrackingProviderService);
    const provider = await providers.current();
    expect(provider).not.toBeNull();
    const result = await provider!.track('UPS', UPS_CODE);
    expect(result).toMatchObject({ kind: 'TRACKING', tracker: { trackingCode: UPS_CODE, carrier: 'UPS' } });
    await providers.recordSuccess(new Date('2026-11-30T15:00:01Z'));
    expect(await providers.status()).toMatchObject({
      provider: 'EASYPOST',
      enabled: true,
      lastSuccessAt: new Date('2026-11-30T15:00:01Z'),
    });
  });
});
