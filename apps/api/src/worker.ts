import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createHubLogger } from './common/logging/hub-logger';
import { NestPinoLogger } from './common/logging/nest-pino-logger';
import { ConfigError, loadConfig } from './config/app-config';
import { startDatabase } from './database/start-database';
import { WorkerModule } from './worker.module';

/** Scale-out entry: the same build as the api, running jobs instead of serving HTTP. */
async function main() {
  const config = loadConfig();
  if (config.database.kind !== 'postgres') {
    throw new ConfigError(
      'Invalid configuration: DATABASE_URL is required by the worker (the embedded database serves a single process)',
    );
  }
  // The api's logger: JSON lines, secrets and personal data redacted, expected errors without a stack, per-cause limit.
  const log = createHubLogger({ level: config.logLevel, linesPerCausePerMinute: config.logLinesPerCausePerMinute });
  const database = await startDatabase(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config, database), {
    logger: new NestPinoLogger(log.logger),
  });
  app.enableShutdownHooks();
  new Logger('Worker').log('Worker connected to PostgreSQL and migrated; waiting for jobs');
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
