import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';

describe('the api process', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'order-hub-process-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the built console at / with its own routes falling back to index.html', async () => {
    const web = join(dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>order-hub</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    const running = await createApp(loadConfig({ DATA_DIR: dir, PGLITE_DIR: 'memory', LOG_LEVEL: 'silent', WEB_DIST_DIR: web }));
    try {
      await running.app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(running.app.getHttpServer().address() as { port: number }).port}`;
      for (const path of ['/', '/orders/123']) {
        const res = await fetch(base + path);
        expect([path, res.status, await res.text()]).toEqual([path, 200, '<!doctype html><title>order-hub</title>']);
      }
      expect(await (await fetch(`${base}/assets/app.js`)).text()).toBe('console.log(1)');
      expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
      const gql = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ health { ok } }' }),
      });
      expect(await gql.json()).toEqual({ data: { health: { ok: true } } });
    } finally {
      await running.close();
    }
  });

  it('keeps its data and tokens across restarts of the embedded database, issuing the first token once', async () => {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', DEMO_DATA: 'true' });
    const first = await createApp(config);
    const token = first.firstAdminToken;
    const { OrdersService } = await import('../src/modules/orders/orders.service');
    const before = await first.app.get(OrdersService).viewCounts({});
    await first.close();

    const second = await createApp(config);
    try {
      expect(token).toMatch(/^ohk_/);
      expect(second.firstAdminToken).toBeNull();
      const after = await second.app.get(OrdersService).viewCounts({});
      expect(after.find((c) => c.view === 'ALL')!.count).toBe(300);
      expect(after.find((c) => c.view === 'ALL')).toEqual(before.find((c) => c.view === 'ALL'));
      const { ApiTokensService } = await import('../src/modules/auth/api-tokens.service');
      expect(await second.app.get(ApiTokensService).authenticate(token!)).toMatchObject({ role: 'ADMIN' });
    } finally {
      await second.close();
    }
  });
});

describe('the built entry point', () => {
  it('refuses a bad environment with one line naming the variable, before touching any database', () => {
    const result = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'src', 'main.js')], {
      env: { PATH: process.env.PATH, PORT: 'eighty', DATA_DIR: join(tmpdir(), 'order-hub-never-created') },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Invalid configuration: PORT must be a number (got "eighty")');
  });
});
