import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config/app-config';
import { startDatabase } from '../../src/database/start-database';
import { WorkerModule } from '../../src/worker.module';
import { startTestApp, type TestApp } from './test-app';
import { testDatabases, type TestDatabaseKind } from './test-databases';

/** BullMQ runs need a PostgreSQL server and Redis (.ci/run starts both on 127.0.0.1). */
export const POSTGRES_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_BASE = (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d+$/, '');

export interface JobDriver {
  database: TestDatabaseKind;
  jobs: 'in-process' | 'bullmq';
}

/** Every database with the in-process driver, and PostgreSQL with BullMQ and two workers. */
export function testDrivers(): JobDriver[] {
  return [
    ...testDatabases().map((database) => ({ database, jobs: 'in-process' as const })),
    { database: 'postgres', jobs: 'bullmq' },
  ];
}

export const driverName = (d: JobDriver) => `${d.database}, ${d.jobs}`;

/**
 * A Redis database of the test file's own, emptied first. Test files run two at a time, so each uses numbers no
 * other file uses (redis-databases.test.ts checks it).
 */
export async function freshRedis(db: number): Promise<string> {
  const url = `${REDIS_BASE}/${db}`;
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect().catch((err: Error) => {
    throw new Error(`Redis at ${url} is needed for the BullMQ runs (.ci/run starts it): ${err.message}`);
  });
  await redis.flushdb();
  await redis.quit();
  return url;
}

/** A worker process's module (same code as worker.js) on the app's database, in this process. */
export async function startWorkerContext(app: TestApp, env: Record<string, string>): Promise<INestApplicationContext> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env, DATABASE_URL: app.databaseUrl!, DATA_DIR: app.dataDir });
  const worker = await NestFactory.createApplicationContext(
    WorkerModule.register(config, await startDatabase(config)),
    { logger: false },
  );
  await worker.init();
  return worker;
}

/** The api for a driver; with BullMQ, two workers consume its jobs. close() stops them all. */
export async function startDriverApp(
  driver: JobDriver,
  env: Record<string, string>,
  redisDb: number,
): Promise<TestApp> {
  if (driver.jobs === 'in-process') return startTestApp(driver.database, env);
  const withRedis = { ...env, REDIS_URL: await freshRedis(redisDb) };
  const app = await startTestApp('postgres', withRedis, POSTGRES_ADMIN_URL);
  const workers = [await startWorkerContext(app, withRedis), await startWorkerContext(app, withRedis)];
  const close = app.close.bind(app);
  return Object.assign(app, {
    async close() {
      for (const w of workers) await w.close();
      await close();
    },
  });
}
