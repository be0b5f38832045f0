import { createHmac } from 'node:crypto';
import { easypostExample } from '@order-hub/contracts';
import { APP_CONFIG } from '../src/config/app-config.token';
import type { AppConfig } from '../src/config/app-config';
import { CredentialsCipher } from '../src/modules/channels/credentials-cipher';
import { WebhookSignatureError } from '../src/modules/carrier-tracking/provider/tracking-provider';
import { TrackingProviderService } from '../src/modules/carrier-tracking/provider/tracking-provider.service';
import { TrackingProviderSettingsService } from '../src/modules/carrier-tracking/provider/tracking-provider-settings.service';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const SETTINGS = `{ provider enabled baseUrl hasApiKey hasWebhookSecret webhookPath lastSuccessAt lastError lastErrorAt }`;
const QUERY = `query { trackingProvider ${SETTINGS} }`;
const UPDATE = `mutation($input: UpdateTrackingProviderInput!) { updateTrackingProvider(input: $input) ${SETTINGS} }`;

const API_KEY = 'EZTK_settings_test_key_0001';
const WEBHOOK_SECRET = 'whsec-settings-test-ümlaut';
const EVENT_BODY = Buffer.from(JSON.stringify(easypostExample('event-body').body));

/** The signature EasyPost sends: HMAC-SHA256 of the raw body under the NFKD-normalised secret. */
function easyPostSignature(body: Buffer, secret: string): string {
  return `hmac-sha256-hex=${createHmac('sha256', Buffer.from(secret.normalize('NFKD'), 'utf8'))
    .update(body)
    .digest('hex')}`;
}

describe.each(testDatabases())('tracking provider settings on %s', (kind) => {
  let app: TestApp;
  let operator: string;
  let providers: TrackingProviderService;

  beforeAll(async () => {
    app = await startTestApp(kind);
    providers = app.running.app.get(TrackingProviderService);
    const created = await app.gql(
      `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`,
      { input: { name: 'ops', role: 'OPERATOR' } },
    );
    operator = created.data!.createApiToken.token as string;
  });
  afterAll(() => app?.close());

  const update = (input: Record<string, unknown>, token?: string) => app.gql(UPDATE, { input }, token);

  it('starts with no provider: off, EasyPost URL, no secrets, and current() is null', async () => {
    const res = await app.gql(QUERY);
    expect(res.errors).toBeUndefined();
    expect(res.data!.trackingProvider).toEqual({
      provider: 'EASYPOST',
      enabled: false,
      baseUrl: 'https://api.easypost.com/v2/',
      hasApiKey: false,
      hasWebhookSecret: false,
      webhookPath: '/webhooks/easypost',
      lastSuccessAt: null,
      lastError: null,
      lastErrorAt: null,
    });
    expect(await providers.current()).toBeNull();
    expect((await providers.status()).provider).toBeNull();
  });

  it('refuses an OPERATOR both the settings and their change', async () => {
    const read = await app.gql(QUERY, {}, operator);
    expect(read.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const write = await update({ enabled: false }, operator);
    expect(write.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses bad input naming the field and the rule', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ enabled: true }, 'input.enabled', /only be on with an API key/],
      [{ baseUrl: 'ftp://api.easypost.com/v2/', apiKey: API_KEY }, 'input.baseUrl', /http\(s\) URL/],
      [{ baseUrl: 'https://api.easypost.com/v1/', apiKey: API_KEY }, 'input.baseUrl', /end with \/v2\//],
      [
        { baseUrl: 'https://proxy.example.com/v2/', apiKey: API_KEY },
        'input.baseUrl',
        /ALLOW_CUSTOM_CHANNEL_HOSTS=true/,
      ],
      [{ apiKey: 'two words' }, 'input.apiKey', /spaces/],
      [{ webhookSecret: 'x'.repeat(201) }, 'input.webhookSecret', /at most 200/],
    ];
    for (const [input, field, message] of cases) {
      const res = await update(input);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.errors?.[0].message).toMatch(message);
    }
    expect((await app.gql(QUERY)).data!.trackingProvider.hasApiKey).toBe(false);
  });

  it('stores the key and secret encrypted, never returns or audits them, and hands out the provider', async () => {
    const res = await update({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET, enabled: true });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateTrackingProvider).toMatchObject({ enabled: true, hasApiKey: true, hasWebhookSecret: true });
    expect(JSON.stringify(res)).not.toContain(API_KEY);

    const [row] = await app.ds.query<{ api_key_encrypted: Buffer; webhook_secret_encrypted: Buffer }[]>(
      `SELECT api_key_encrypted, webhook_secret_encrypted FROM tracking_provider_setting`,
    );
    expect(row.api_key_encrypted.includes(Buffer.from(API_KEY))).toBe(false);
    expect(row.webhook_secret_encrypted.includes(Buffer.from(WEBHOOK_SECRET))).toBe(false);
    const cipher = new CredentialsCipher(app.running.app.get<AppConfig>(APP_CONFIG).credentialsKey);
    expect(cipher.decrypt(row.api_key_encrypted)).toEqual({ apiKey: API_KEY });
    expect(cipher.decrypt(row.webhook_secret_encrypted)).toEqual({ webhookSecret: WEBHOOK_SECRET });

    const audit = await app.ds.query<{ actor: string; before: object; after: object }[]>(
      `SELECT actor, before, after FROM audit_event WHERE action = 'tracking_provider.updated'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ enabled: true, hasApiKey: true, apiKey: 'replaced' });
    expect(JSON.stringify(audit)).not.toContain(API_KEY);
    expect(JSON.stringify(audit)).not.toContain(WEBHOOK_SECRET);

    const provider = await providers.current();
    expect(provider?.name).toBe('EASYPOST');
    expect((await providers.status()).provider).toBe('EASYPOST');
  });

  it('verifies webhooks with the stored secret the way EasyPost signs them', async () => {
    const event = await providers.verifyWebhook(EVENT_BODY, {
      'x-hmac-signature': easyPostSignature(EVENT_BODY, WEBHOOK_SECRET),
    });
    expect(event).toMatchObject({ id: 'evt_1', description: 'tracker.updated' });
    expect(event.tracker?.providerTrackerId).toBe('trk_1');
    await expect(
      providers.verifyWebhook(EVENT_BODY, { 'x-hmac-signature': easyPostSignature(EVENT_BODY, 'another secret') }),
    ).rejects.toBeInstanceOf(WebhookSignatureError);
  });

  it('turns off, clears the secret with "", and every change reaches current() and the webhooks', async () => {
    const before = await providers.current();
    const res = await update({ enabled: false, webhookSecret: '' });
    expect(res.data!.updateTrackingProvider).toMatchObject({
      enabled: false,
      hasApiKey: true,
      hasWebhookSecret: false,
    });
    expect(before).not.toBeNull();
    expect(await providers.current()).toBeNull();
    await expect(
      providers.verifyWebhook(EVENT_BODY, { 'x-hmac-signature': easyPostSignature(EVENT_BODY, WEBHOOK_SECRET) }),
    ).rejects.toThrow('No tracking provider webhook secret is configured');
  });

  it('records the last success and failure for the status', async () => {
    const failedAt = new Date('2026-12-03T10:00:00Z');
    await providers.recordFailure(new Error('EasyPost answered HTTP 503'), failedAt);
    await providers.recordSuccess(new Date('2026-12-03T10:05:00Z'));
    const res = await app.gql(QUERY);
    expect(res.data!.trackingProvider).toMatchObject({
      lastError: 'EasyPost answered HTTP 503',
      lastErrorAt: failedAt.toISOString(),
      lastSuccessAt: '2026-12-03T10:05:00.000Z',
    });
  });
});

describe.each(testDatabases())('tracking provider seeded from the environment on %s', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind, {
      EASYPOST_API_KEY: API_KEY,
      EASYPOST_WEBHOOK_SECRET: WEBHOOK_SECRET,
      EASYPOST_BASE_URL: 'http://127.0.0.1:9/easypost/v2',
      ALLOW_CUSTOM_CHANNEL_HOSTS: 'true',
    });
  });
  afterAll(() => app?.close());

  it('starts on with the key, secret and URL of EASYPOST_*, and only on the first start', async () => {
    const seeded = (await app.gql(QUERY)).data!.trackingProvider;
    expect(seeded).toMatchObject({
      enabled: true,
      hasApiKey: true,
      hasWebhookSecret: true,
      baseUrl: 'http://127.0.0.1:9/easypost/v2/',
    });
    expect((await app.running.app.get(TrackingProviderService).current())?.name).toBe('EASYPOST');

    await app.gql(UPDATE, { input: { enabled: false } });
    await app.running.app.get(TrackingProviderSettingsService).onApplicationBootstrap();
    expect((await app.gql(QUERY)).data!.trackingProvider.enabled).toBe(false);
  });

  it('takes a custom host when the hub allows them, but needs the key again to move it there', async () => {
    const moved = await app.gql(UPDATE, { input: { baseUrl: 'https://proxy.example.com/easypost/v2/' } });
    expect(moved.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.apiKey' });
    const same = await app.gql(UPDATE, { input: { baseUrl: 'http://127.0.0.1:9/easypost/v2' } });
    expect(same.errors).toBeUndefined();
    const withKey = await app.gql(UPDATE, {
      input: { baseUrl: 'https://proxy.example.com/easypost/v2/', apiKey: API_KEY },
    });
    expect(withKey.data!.updateTrackingProvider.baseUrl).toBe('https://proxy.example.com/easypost/v2/');
  });
});
