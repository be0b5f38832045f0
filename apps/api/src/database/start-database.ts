import type { AppConfig } from 'src/config/app-config';
import type { RunningDatabase } from 'src/config/app-config.token';
import { startEmbeddedPostgres } from './embedded-postgres';

const SERVER_POOL_SIZE = 10;

/** The configured PostgreSQL server, or an embedded PGlite when DATABASE_URL is not set. */
export async function startDatabase(config: AppConfig): Promise<RunningDatabase> {
  if (config.database.kind === 'postgres') {
    return { url: config.database.url, kind: 'postgres', poolSize: SERVER_POOL_SIZE, stop: async () => {} };
  }
  return startEmbeddedPostgres(config.database.dataDir);
}
