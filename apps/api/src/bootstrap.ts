import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { serveConsole } from './console-static';
import type { RunningDatabase } from './config/app-config.token';
import { startDatabase } from './database/start-database';
import { issueFirstAdminInvitation } from './first-admin-invitation';
import { registerRateLimits } from './common/http/rate-limits';
import { registerSecurityHeaders } from './common/http/security-headers';
import { ErrorLogFilter } from './common/logging/error-log.filter';
import { createHubLogger } from './common/logging/hub-logger';
import { NestPinoLogger } from './common/logging/nest-pino-logger';
import { HubLogController } from './common/logging/request-log';
import { RequestAuthenticator } from './modules/auth/request-authentication';
import { introspectionGate } from './modules/auth/introspection-gate';
import { DemoSandboxService } from './modules/demo/demo-sandbox.service';

export interface RunningApp {
  app: NestFastifyApplication;
  database: RunningDatabase;
  /** The one-time link that creates the first admin, while no admin has signed up (null once one has). */
  firstAdminInvitationUrl: string | null;
  close(): Promise<void>;
}

export interface CreateAppOptions {
  /** Where log lines go (default: standard output); tests pass a stream to read them. */
  logDestination?: DestinationStream;
}

/** Starts the database, runs migrations, and builds the app (not yet listening). Used by main and by tests. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<RunningApp> {
  const log = createHubLogger({
    level: config.logLevel,
    linesPerCausePerMinute: config.logLinesPerCausePerMinute,
    destination: options.logDestination,
  });
  const database = await startDatabase(config);
  let app: NestFastifyApplication | undefined;
  let closeRateLimits = async () => {};
  try {
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.register(config, database),
      new FastifyAdapter({
        loggerInstance: log.logger,
        logController: new HubLogController(),
        bodyLimit: 10 * 1024 * 1024,
        trustProxy: config.trustProxy,
      }),
      { logger: new NestPinoLogger(log.logger) },
    );
    const fastify = app.getHttpAdapter().getInstance();
    // Before any route exists, so every route (GraphQL, downloads, the console's files) gets their hooks.
    await registerSecurityHeaders(fastify, config.graphql.graphiql);
    // The session cookie is read by the rate limiter's onRequest hook, so its parser runs first.
    await fastify.register(fastifyCookie, { hook: 'onRequest' });
    closeRateLimits = await registerRateLimits(fastify, config, app.get(RequestAuthenticator));
    app.useGlobalFilters(new ErrorLogFilter(app.getHttpAdapter()));
    if (!(await serveConsole(app, config.webDistDir))) {
      new Logger('Console').warn(`No built console at ${config.webDistDir}: run "npm run build" to serve it at /`);
    }
    await app.init();
    fastify.graphql.addHook('preExecution', introspectionGate(config.introspection, app.get(RequestAuthenticator)));
    const firstAdminInvitationUrl = await issueFirstAdminInvitation(app, config, config.logLevel === 'silent');
    if (config.demoData) await app.get(DemoSandboxService).start();
    const running = app;
    return {
      app: running,
      database,
      firstAdminInvitationUrl,
      async close() {
        await running.close();
        await closeRateLimits();
        await database.stop();
        log.close();
      },
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await closeRateLimits().catch(() => undefined);
    await database.stop().catch(() => undefined);
    log.close();
    throw err;
  }
}
