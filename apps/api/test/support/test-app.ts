import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createApp, type CreateAppOptions, type RunningApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { ApiTokensService } from '../../src/modules/auth/api-tokens.service';
import { createScratchPostgres, type ScratchDatabase, type TestDatabaseKind } from './test-databases';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions: { code: string; [k: string]: unknown } }[];
}

export interface TestApp {
  running: RunningApp;
  baseUrl: string;
  dataDir: string;
  /** The scratch PostgreSQL database (postgres kind only), for a second process on the same data. */
  databaseUrl: string | null;
  adminToken: string;
  ds: DataSource;
  /** POSTs a GraphQL operation over real HTTP; `token: null` sends no Authorization header. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

/** Boots the real AppModule on a fresh database of the given kind and listens on a free loopback port. */
export async function startTestApp(
  kind: TestDatabaseKind,
  env: Record<string, string> = {},
  postgresAdminUrl?: string,
  options: CreateAppOptions = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'order-hub-test-'));
  let scratch: ScratchDatabase | undefined;
  if (kind === 'postgres') scratch = await createScratchPostgres(postgresAdminUrl);
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    // Suites that test order sync turn the schedule on; the rest keep their fixture accounts quiet.
    SYNC_ENABLED: 'false',
    // Suites send hundreds of requests (and refused tokens) a minute from one address; the rate limit suite
    // turns the limits on.
    RATE_LIMIT_PER_MINUTE: '0',
    AUTH_FAILURE_LIMIT_PER_MINUTE: '0',
    ...(scratch ? { DATABASE_URL: scratch.url } : { PGLITE_DIR: 'memory' }),
    ...env,
  });
  const running = await createApp(config, options);
  await running.app.listen(0, '127.0.0.1');
  const address = running.app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  // Suites act as an integration's ADMIN token; the sign-in suites make people and sessions of their own.
  const { secret: adminToken } = await running.app
    .get(ApiTokensService)
    .create('test admin', 'ADMIN', 'system:test-harness');

  return {
    running,
    baseUrl,
    dataDir,
    databaseUrl: scratch?.url ?? null,
    adminToken,
    ds: running.app.get<DataSource>(getDataSourceToken()),
    async gql(query, variables = {}, token = adminToken) {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: any };
      return { status: res.status, data: body.data ?? null, errors: body.errors };
    },
    async close() {
      await running.close();
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
