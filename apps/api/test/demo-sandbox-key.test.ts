import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type RunningApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { DemoSandboxService } from '../src/modules/demo/demo-sandbox.service';

describe('the demo’s channel sandbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'order-hub-demo-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = loadConfig({
    DATA_DIR: dir,
    PGLITE_DIR: 'memory',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'true',
    SANDBOX_PORT: '0',
    SYNC_ENABLED: 'false',
  });

  it('the demo’s sandbox control API refuses a request without the random key generated into DATA_DIR/sandbox-key (mode 600), which survives a restart', async () => {
    const keyFile = join(dir, 'sandbox-key');
    let key: string;
    const first = await createApp(config);
    try {
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      key = readFileSync(keyFile, 'utf8').trim();
      expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const control = controlBaseUrl(first);

      expect((await fetch(`${control}/clock`)).status).toBe(401);
      const fault = await fetch(`${control}/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ error500: 1 }),
      });
      expect(fault.status).toBe(401);
      const faults = await fetch(`${control}/faults`, { headers: { 'x-sandbox-key': key } });
      expect(faults.status).toBe(200);
      expect(await faults.json()).toEqual({ faults: [] });
    } finally {
      await first.close();
    }

    const second = await createApp(config);
    try {
      expect(readFileSync(keyFile, 'utf8').trim()).toBe(key);
      const control = controlBaseUrl(second);
      expect((await fetch(`${control}/clock`, { headers: { 'x-sandbox-key': key } })).status).toBe(200);
      expect((await fetch(`${control}/clock`)).status).toBe(401);
    } finally {
      await second.close();
    }
    // Two starts with the demo: about 20 s alone, more while another file runs beside it on 2 cores.
  }, 180_000);
});

function controlBaseUrl(running: RunningApp): string {
  return running.app.get(DemoSandboxService).controlBaseUrl!;
}
