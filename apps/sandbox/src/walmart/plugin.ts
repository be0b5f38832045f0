import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { describe, enforceContracts } from '../contract/enforce';
import { faultHook } from '../faults/hook';
import { registerWalmartToken, walmartAuthHook } from './auth';
import { WalmartError, faultError, invalidContent, invalidParam, sendWalmartError } from './errors';
import { registerWalmartOrderRoutes } from './orders.routes';
import { registerWalmartReturnRoutes } from './returns/routes';
import { registerWalmartNotificationRoutes } from './notifications/routes';

function renderFault(reply: FastifyReply, status: 429 | 500 | 503): FastifyReply {
  const error = faultError(status);
  return error ? sendWalmartError(reply, error) : reply.code(503).type('text/plain').send('Service Unavailable');
}

/** Walmart's limits are per seller and per API; the token call is limited per client id. */
function throttleHook(ctx: SandboxContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const group = request.routeOptions.config.walmartGroup;
    if (!group || !ctx.throttle.enabled) return undefined;
    const who = request.account?.account.id ?? `basic:${request.headers.authorization ?? request.ip}`;
    const result = ctx.buckets.take(`walmart:${who}:${group}`, ctx.throttle.walmart(group), ctx.clock.elapsedMs());
    reply.header('x-current-token-count', String(result.remaining));
    reply.header('x-next-replenishment-time', String(ctx.clock.now() + result.msUntilNext));
    if (result.allowed) return undefined;
    return sendWalmartError(
      reply,
      new WalmartError(
        429,
        'REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API',
        'REQUEST_THRESHOLD_VIOLATED',
        `Request threshold violated for ${group}; retry after x-next-replenishment-time`,
        'REQUEST',
      ),
    );
  };
}

export function walmartPlugin(app: FastifyInstance, ctx: SandboxContext): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.addHook('onRequest', faultHook(ctx, 'WALMART', renderFault));
  app.addHook('preHandler', walmartAuthHook(ctx));
  app.addHook('preHandler', throttleHook(ctx));
  enforceContracts(app, {
    api: 'walmart',
    prefix: '/walmart',
    log: ctx.contracts,
    errors: {
      request: (reply, violations, where) => {
        const [first] = violations;
        return sendWalmartError(
          reply,
          where === 'query'
            ? invalidParam(first.field.replace(/^query\./, ''), describe(violations))
            : invalidContent(first.field, describe(violations)),
        );
      },
      response: (violations) => ({
        contentType: 'application/json',
        body: JSON.stringify(
          new WalmartError(
            500,
            'SYSTEM_ERROR.GMP_ORDER_API',
            'SYSTEM_ERROR',
            `SYSTEM_ERROR :: the sandbox's response violates Walmart's model: ${describe(violations)}`,
            'SYSTEM',
          ).body(),
        ),
      }),
    },
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof WalmartError) return sendWalmartError(reply, error);
    if (error.statusCode === 415) {
      return sendWalmartError(
        reply,
        new WalmartError(
          415,
          'UNSUPPORTED_MEDIA_TYPE.GMP_GATEWAY_API',
          'Content-Type',
          `UNSUPPORTED_MEDIA_TYPE :: ${error.message}`,
          'REQUEST',
        ),
      );
    }
    if (error.statusCode !== undefined && error.statusCode < 500) {
      return sendWalmartError(
        reply,
        new WalmartError(
          400,
          'MALFORMED_REQUEST_CONTENT.GMP_ORDER_API',
          'body',
          `MALFORMED_REQUEST_CONTENT :: ${error.message}`,
        ),
      );
    }
    request.log.error(error);
    return sendWalmartError(
      reply,
      new WalmartError(
        500,
        'SYSTEM_ERROR.GMP_ORDER_API',
        'SYSTEM_ERROR',
        'SYSTEM_ERROR :: Internal system error',
        'SYSTEM',
      ),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendWalmartError(
      reply,
      new WalmartError(
        404,
        'URI_NOT_FOUND.GMP_GATEWAY_API',
        'uri',
        `URI_NOT_FOUND :: ${request.method} ${request.url} is not a Walmart Marketplace endpoint`,
        'REQUEST',
      ),
    ),
  );
  registerWalmartToken(app, ctx);
  registerWalmartOrderRoutes(app, ctx);
  registerWalmartReturnRoutes(app, ctx);
  registerWalmartNotificationRoutes(app, ctx);
}
