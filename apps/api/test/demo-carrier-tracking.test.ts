import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EasyPostClient from '@easypost/api';
import { createApp, type RunningApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { TrackingProviderService } from '../src/modules/carrier-tracking/provider/tracking-provider.service';
import { TrackingProviderSettingsService } from '../src/modules/carrier-tracking/provider/tracking-provider-settings.service';
import { DemoSandboxService } from '../src/modules/demo/demo-sandbox.service';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The sandbox's EasyPost as the demo left it, read with EasyPost's own client. */
function sandboxEasyPost(running: RunningApp) {
  const controlBaseUrl = running.app.get(DemoSandboxService).controlBaseUrl!;
  const root = controlBaseUrl.replace(/\/_sandbox$/, '');
  return new EasyPostClient('EZTK_sandbox_test_key', { baseUrl: `${root}/easypost/v2/` });
}

describe('the demo’s carrier tracking', () => {
  const dir = mkdtempSync(join(tmpdir(), 'order-hub-demo-tracking-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('points the provider at the sandbox’s EasyPost and registers the hub’s webhook there; a restart follows the sandbox and keeps an ADMIN’s off', async () => {
    const port = await freePort();
    const config = loadConfig({
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'true',
      SANDBOX_PORT: '0',
      SYNC_ENABLED: 'false',
      PORT: String(port),
    });
    const webhookUrl = `http://127.0.0.1:${port}/webhooks/easypost`;

    const first = await createApp(config);
    let firstBaseUrl: string;
    try {
      const settings = await first.app.get(TrackingProviderSettingsService).view();
      expect(settings).toMatchObject({ enabled: true, hasApiKey: true, hasWebhookSecret: true });
      expect(settings.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/easypost\/v2\/$/);
      firstBaseUrl = settings.baseUrl;
      const secretFile = join(dir, 'easypost-webhook-secret');
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);

      const provider = await first.app.get(TrackingProviderService).current();
      expect(provider).not.toBeNull();
      const tracked = await provider!.track('USPS', 'EZ1000000001');
      expect(tracked.kind).toBe('TRACKING');

      const { webhooks } = (await sandboxEasyPost(first).Webhook.all()) as { webhooks: { url: string }[] };
      expect(webhooks.map((w) => w.url)).toEqual([webhookUrl]);

      await first.app.get(TrackingProviderSettingsService).update({ enabled: false }, 'token:admin');
      expect(readFileSync(secretFile, 'utf8').trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    } finally {
      await first.close();
    }

    const second = await createApp(config);
    try {
      const settings = await second.app.get(TrackingProviderSettingsService).view();
      expect(settings).toMatchObject({ enabled: false, hasApiKey: true, hasWebhookSecret: true });
      expect(settings.baseUrl).not.toBe(firstBaseUrl);
      expect(settings.baseUrl).toBe(
        `${second.app.get(DemoSandboxService).controlBaseUrl!.replace(/\/_sandbox$/, '')}/easypost/v2/`,
      );
      expect(await second.app.get(TrackingProviderService).current()).toBeNull();
      const { webhooks } = (await sandboxEasyPost(second).Webhook.all()) as { webhooks: { url: string }[] };
      expect(webhooks.map((w) => w.url)).toEqual([webhookUrl]);
    } finally {
      await second.close();
    }
    // Two starts with the demo: about 20 s alone, more while another file runs beside it on 2 cores.
  }, 180_000);
});
