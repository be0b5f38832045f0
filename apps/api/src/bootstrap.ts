import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { serveConsole } from './console-static';
import type { RunningDatabase } from './config/app-config.token';
import { startDatabase } from './database/start-database';
import { issueFirstAdminToken } from './first-admin-token';
import { DemoSandboxService } from './modules/demo/demo-sandbox.service';

export interface RunningApp {
  app: NestFastifyApplication;
  database: RunningDatabase;
  /** The first admin token, when this start created it. */
  firstAdminToken: string | null;
  close(): Promise<void>;
}

const NEST_LEVELS: Record<AppConfig['logLevel'], LogLevel[] | false> = {
  silent: false,
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Starts the database, runs migrations, and builds the app (not yet listening). Used by main and by tests. */
export async function createApp(config: AppConfig): Promise<RunningApp> {
  const database = await startDatabase(config);
  let app: NestFastifyApplication | undefined;
  try {
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.register(config, database),
      new FastifyAdapter({ logger: { level: config.logLevel }, bodyLimit: 10 * 1024 * 1024 }),
      { logger: NEST_LEVELS[config.logLevel] },
    );
    if (!(await serveConsole(app, config.webDistDir))) {
      new Logger('Console').warn(`No built console at ${config.webDistDir}: run "npm run build" to serve it at /`);
    }
    await app.init();
    const firstAdminToken = await issueFirstAdminToken(app, config.dataDir, config.logLevel === 'silent');
    if (config.demoData) await app.get(DemoSandboxService).start();
    const running = app;
    return {
      app: running,
      database,
      firstAdminToken,
      async close() {
        await running.close();
        await database.stop();
      },
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    throw err;
  }
}
