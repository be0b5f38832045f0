import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/bootstrap';
import { DataSource } from 'typeorm';
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
    const running = await createApp(
      loadConfig({ DATA_DIR: dir, PGLITE_DIR: 'memory', LOG_LEVEL: 'silent', WEB_DIST_DIR: web }),
    );
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

  it('imports the demo from its sandbox, and keeps data, sandbox and tokens across restarts, with a fresh first-admin link each start', async () => {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', DEMO_DATA: 'true', SANDBOX_PORT: '0' });
    const first = await createApp(config);
    const firstLink = first.firstAdminInvitationUrl;
    const { ApiTokensService } = await import('../src/modules/auth/api-tokens.service');
    const { secret: token } = await first.app.get(ApiTokensService).create('restart check', 'ADMIN', 'system:test');
    const { OrdersService } = await import('../src/modules/orders/orders.service');
    const all = async (app: typeof first) =>
      (await app.app.get(OrdersService).viewCounts({})).find((c) => c.view === 'ALL')!.count;
    // The demo's first pull (150 open orders and 600 of history per account) has finished for both accounts.
    const imported = async () =>
      (
        await first.app
          .get(DataSource)
          .query(`SELECT count(*)::int AS n FROM account_sync_state WHERE last_success_at IS NOT NULL`)
      )[0].n as number;
    const deadline = Date.now() + 150_000;
    while (((await imported()) < 2 || (await all(first)) < 300) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    const before = await first.app.get(OrdersService).viewCounts({});
    const accounts: { base_url: string }[] = await first.app
      .get(DataSource)
      .query('SELECT base_url FROM channel_account ORDER BY channel');
    await first.close();

    const second = await createApp(config);
    try {
      expect(firstLink).toMatch(/^http:\/\/localhost:3000\/invite#[A-Za-z0-9_-]{43}$/);
      // No admin signed up in between: the new start supersedes the old link with a fresh one.
      expect(second.firstAdminInvitationUrl).toMatch(/\/invite#/);
      expect(second.firstAdminInvitationUrl).not.toBe(firstLink);
      const after = await second.app.get(OrdersService).viewCounts({});
      expect(after.find((c) => c.view === 'ALL')!.count).toBeGreaterThanOrEqual(300);
      expect(after.find((c) => c.view === 'ALL')).toEqual(before.find((c) => c.view === 'ALL'));
      // The sandbox came back from its snapshot on another port, and the demo accounts followed it there.
      const moved: { base_url: string; last_error: string | null }[] = await second.app
        .get(DataSource)
        .query(
          'SELECT a.base_url, s.last_error FROM channel_account a JOIN account_sync_state s ON s.account_id = a.id ORDER BY a.channel',
        );
      expect(moved.map((m) => m.base_url)).not.toEqual(accounts.map((a) => a.base_url));
      const { SyncSchedulerService } = await import('../src/modules/sync/sync-scheduler.service');
      const ids: { id: string }[] = await second.app.get(DataSource).query('SELECT id FROM channel_account');
      for (const { id } of ids)
        expect(['DONE', 'BUSY']).toContain(await second.app.get(SyncSchedulerService).pullNow(id));
      expect(moved.map((m) => m.last_error)).toEqual([null, null]);
      expect(await second.app.get(ApiTokensService).authenticate(token)).toMatchObject({ role: 'ADMIN' });
    } finally {
      await second.close();
    }
    // Two starts and the demo’s first pull on embedded PGlite: about 15 s alone, and more than the suite's 60 s
    // default on a 2-core machine while another file runs beside it.
  }, 240_000);
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
