import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { describe, enforceContracts } from '../contract/enforce';
import { faultHook } from '../faults/hook';
import { amazonAuthHook, registerLwaToken, registerRestrictedDataToken } from './auth';
import { AmazonError, faultError, invalidInput, sendAmazonError } from './errors';
import { registerFeedRoutes } from './feeds/feeds.routes';
import { registerMcfRoutes } from './mcf/mcf.routes';
import { registerNotificationRoutes } from './notifications/notifications.routes';
import { registerOrderRoutes } from './orders/orders.routes';
import { registerReportRoutes } from './reports/reports.routes';
import { registerShippingRoutes } from './shipping/shipping.routes';

/** Usage plans are per selling partner and operation; the granted rate is echoed on every response. */
function throttleHook(ctx: SandboxContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const operation = request.routeOptions.config.amazonOperation;
    if (!operation || !request.account || !ctx.throttle.enabled) return undefined;
    const result = ctx.buckets.take(
      `amazon:${request.account.account.id}:${operation}`,
      ctx.throttle.amazon(operation),
      ctx.clock.elapsedMs(),
    );
    if (result.allowed) return undefined;
    return sendAmazonError(reply, faultError(429));
  };
}

export function amazonPlugin(app: FastifyInstance, ctx: SandboxContext): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.addContentTypeParser(
    ['text/xml', 'application/xml', 'text/plain', 'text/tab-separated-values'],
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, body);
    },
  );
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-amzn-RequestId', randomUUID());
    const operation = request.routeOptions.config.amazonOperation;
    if (operation) reply.header('x-amzn-RateLimit-Limit', String(ctx.throttle.amazonAdvertisedRate(operation)));
  });
  app.addHook(
    'onRequest',
    faultHook(ctx, 'AMAZON', (reply, status) => sendAmazonError(reply, faultError(status))),
  );
  app.addHook('preHandler', amazonAuthHook(ctx));
  app.addHook('preHandler', throttleHook(ctx));
  enforceContracts(app, {
    api: 'amazon',
    prefix: '/amazon',
    log: ctx.contracts,
    errors: {
      request: (reply, violations) =>
        sendAmazonError(
          reply,
          invalidInput(`Invalid request: ${violations[0].field} ${violations[0].message}`, describe(violations)),
        ),
      response: (violations) => ({
        contentType: 'application/json',
        body: JSON.stringify(
          new AmazonError(
            500,
            'InternalFailure',
            `The sandbox's response violates Amazon's model: ${describe(violations)}`,
          ).body(),
        ),
      }),
    },
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AmazonError) return sendAmazonError(reply, error);
    if (error.statusCode === 415)
      return sendAmazonError(reply, new AmazonError(415, 'UnsupportedMediaType', error.message));
    if (error.statusCode !== undefined && error.statusCode < 500)
      return sendAmazonError(reply, new AmazonError(400, 'InvalidInput', `Malformed request: ${error.message}`));
    request.log.error(error);
    return sendAmazonError(reply, faultError(500));
  });
  app.setNotFoundHandler((request, reply) =>
    sendAmazonError(
      reply,
      new AmazonError(404, 'NotFound', `${request.method} ${request.url.split('?')[0]} is not an SP-API resource`),
    ),
  );
  registerLwaToken(app, ctx);
  registerRestrictedDataToken(app, ctx);
  registerOrderRoutes(app, ctx);
  registerMcfRoutes(app, ctx);
  registerFeedRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerShippingRoutes(app, ctx);
}
