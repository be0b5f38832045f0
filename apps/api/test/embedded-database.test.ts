import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import type { RunningDatabase } from '../src/config/app-config.token';
import { startTestApp } from './support/test-app';

/** The socket directory pg is told to use: the URL's host, which for a Unix socket is a directory path. */
function socketDirOf(url: string): string {
  return decodeURIComponent(new URL(url).hostname);
}

describe('the embedded database (PGlite) is reachable only by the hub’s OS user', () => {
  let db: RunningDatabase;
  const dataDir = mkdtempSync(join(tmpdir(), 'order-hub-embedded-'));
  beforeAll(async () => {
    db = await startEmbeddedPostgres(join(dataDir, 'pglite'));
  });
  afterAll(async () => {
    await db?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the embedded database listens on no TCP port: its socket is in a directory of mode 0700 owned by the hub', async () => {
    const dir = socketDirOf(db.url);
    expect(dir.startsWith('/')).toBe(true);
    const stat = statSync(dir);
    expect(stat.isDirectory()).toBe(true);
    expect(stat.mode & 0o777).toBe(0o700);
    expect(stat.uid).toBe(process.getuid!());
    expect(statSync(join(dir, '.s.PGSQL.5432')).isSocket()).toBe(true);

    // The hub's own user connects through the URL it is given.
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });

  it('a connection from another OS user is refused at the socket (EACCES)', () => {
    // Switching users needs root (as in CI's container); otherwise the mode bits checked above are the proof.
    if (process.getuid!() !== 0) return;
    const probe = `require('net').connect(process.argv[1]).on('connect', () => { console.log('CONNECTED'); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(0); });`;
    const run = spawnSync(process.execPath, ['-e', probe, join(socketDirOf(db.url), '.s.PGSQL.5432')], {
      uid: 65534,
      gid: 65534,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stdout.trim()).toBe('EACCES');
  });

  it('stopping the database removes its socket directory', async () => {
    const other = await startEmbeddedPostgres('memory');
    const dir = socketDirOf(other.url);
    expect(existsSync(dir)).toBe(true);
    await other.stop();
    expect(existsSync(dir)).toBe(false);
  });

  it('the hub runs on it: migrations, the admin token and a GraphQL query over HTTP', async () => {
    const app = await startTestApp('pglite');
    try {
      expect(app.running.database.url).not.toMatch(/127\.0\.0\.1|localhost/);
      const res = await app.gql(`{ health { ok database databaseKind } }`);
      expect(res.data!.health).toEqual({ ok: true, database: 'up', databaseKind: 'pglite' });
    } finally {
      await app.close();
    }
  });
});
