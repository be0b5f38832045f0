import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { RunningDatabase } from 'src/config/app-config.token';

/**
 * Starts PGlite (PostgreSQL compiled to WASM) and exposes it on a loopback port, so TypeORM reaches it
 * through the ordinary `pg` driver with the same SQL and migrations as a PostgreSQL server.
 */
/** `dataDir` is a directory, or `memory` for a throw-away database. */
export async function startEmbeddedPostgres(dataDir: string): Promise<RunningDatabase> {
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir === 'memory' ? undefined : dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  return {
    url: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    kind: 'pglite',
    poolSize: 1,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
