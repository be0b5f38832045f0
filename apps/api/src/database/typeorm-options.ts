import type { DataSourceOptions } from 'typeorm';
import { TypeormHubLogger } from 'src/common/logging/typeorm-hub-logger';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function typeormOptions(url: string, poolSize: number, logQueryErrors = true): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is core PostgreSQL; PGlite ships neither uuid-ossp nor pgcrypto as installable.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    poolSize,
    extra: { max: poolSize, connectionTimeoutMillis: 30_000 },
    // Failed queries are logged with their SQL and SQLSTATE, never their parameters (personal data).
    logger: new TypeormHubLogger(logQueryErrors),
  };
}
