import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { RunningDatabase } from 'src/config/app-config.token';

/** The file name `pg` looks for in a socket directory given as the host (PostgreSQL's convention, port 5432). */
const SOCKET_FILE = '.s.PGSQL.5432';

/**
 * Starts PGlite (PostgreSQL compiled to WASM) and exposes it on a Unix socket, so TypeORM reaches it through the
 * ordinary `pg` driver with the same SQL and migrations as a PostgreSQL server.
 *
 * PGlite answers every startup message with AuthenticationOk (any user, any password) and pglite-socket has no
 * authentication hook, so a password could not be checked. The socket is what protects the database instead: it
 * lives in a fresh directory of mode 0700 (`mkdtemp`), so only this process's OS user (and root) can connect —
 * the same users who can read the database files in `dataDir` anyway. There is no TCP port to reach.
 */
/** `dataDir` is a directory, or `memory` for a throw-away database. */
export async function startEmbeddedPostgres(dataDir: string): Promise<RunningDatabase> {
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  // pg_trgm: the trigram indexes order search uses (migration OrderSearchIndexes) exist on both databases.
  const db = await PGlite.create(dataDir === 'memory' ? undefined : dataDir, { extensions: { pg_trgm } });
  const socketDir = privateSocketDir();
  const server = new PGLiteSocketServer({ db, path: join(socketDir, SOCKET_FILE), maxConnections: 1 });
  try {
    await server.start();
  } catch (err) {
    await db.close();
    rmSync(socketDir, { recursive: true, force: true });
    throw err;
  }
  return {
    // pg takes a host that starts with "/" as the directory holding the socket.
    url: `postgresql://postgres@${encodeURIComponent(socketDir)}/postgres`,
    kind: 'pglite',
    poolSize: 1,
    async stop() {
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

/** A new directory only its owner may enter; short, since a socket path is limited to ~100 bytes. */
function privateSocketDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'order-hub-db-'));
  chmodSync(dir, 0o700);
  return dir;
}
