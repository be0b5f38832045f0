import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Channel } from '@order-hub/types';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import type { FaultSpec } from '../faults/faults';
import { ORDER_DEFECT_KINDS, type OrderDefectKind, recordOrderDefect } from '../amazon/reports/account-health';
import type { AmazonOrder } from '../state/types';
import { registerAmazonReturnsControl } from './amazon-returns.routes';
import { registerAmazonShippingControl } from '../amazon/shipping/control';
import { registerEasyPostControl } from './easypost.routes';
import { registerWalmartReturnsControl } from './walmart-returns.routes';
import { registerSqsControl } from '../sqs/control';
import { registerWalmartWebhooksControl } from '../walmart/notifications/control';
import type { PackageEventType } from './package-events';
import { ControlError, type ControlService, type GenerateRequest } from './service';

type Body = Record<string, unknown>;

function body(value: unknown): Body {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ControlError(400, 'body must be a JSON object');
  return value as Body;
}

/** The key a control request carries: header `x-sandbox-key`, or `Authorization: Bearer <key>`. */
function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['x-sandbox-key'];
  if (typeof header === 'string') return header;
  if (Array.isArray(header)) return undefined;
  return headers.authorization?.replace(/^Bearer\s+/i, '');
}

/** Compares in constant time, so the answer's timing does not tell how much of a guess was right. */
function keyMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const [a, b] = [createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest()];
  return timingSafeEqual(a, b);
}

function channelParam(value: string): Channel {
  const channel = value.toUpperCase();
  if (channel !== 'WALMART' && channel !== 'AMAZON') throw new ControlError(400, 'channel must be WALMART or AMAZON');
  return channel;
}

/**
 * The control API under /_sandbox: not part of either channel, JSON in and out. With an API key (the hub's demo
 * always sets one; tests that start their own sandbox need not) every control route needs it; the channel routes
 * never do, since the channels' own credentials guard them.
 */
export function controlPlugin(
  app: FastifyInstance,
  opts: { ctx: SandboxContext; service: ControlService; apiKey?: string },
): void {
  const { ctx, service, apiKey } = opts;
  if (apiKey) {
    app.addHook('onRequest', (request, reply, done) => {
      if (!keyMatches(presentedKey(request.headers), apiKey)) {
        reply.code(401).send({ error: 'control API key missing or wrong (send it in x-sandbox-key)' });
        return;
      }
      done();
    });
  }
  app.setErrorHandler((error: FastifyError | ControlError, request, reply) => {
    if (error instanceof ControlError) return reply.code(error.status).send({ error: error.message });
    if ('statusCode' in error && error.statusCode !== undefined && error.statusCode < 500)
      return reply.code(error.statusCode).send({ error: error.message });
    request.log.error(error);
    return reply.code(500).send({ error: 'internal sandbox error' });
  });

  app.post('/accounts', (request, reply) => {
    const b = body(request.body);
    const credentials = service.createAccount(b.channel as Channel, typeof b.name === 'string' ? b.name : undefined);
    return reply.code(201).send(credentials);
  });
  app.post('/orders/generate', (request, reply) =>
    reply.code(201).send(service.generateOrders(body(request.body) as unknown as GenerateRequest)),
  );

  app.get('/clock', () => ({ now: ctx.clock.nowDate().toISOString(), fixed: ctx.clock.isFixed() }));
  app.post('/clock', (request) => {
    const b = body(request.body);
    if (b.set !== undefined) {
      const at = typeof b.set === 'number' ? b.set : typeof b.set === 'string' ? Date.parse(b.set) : Number.NaN;
      if (!Number.isFinite(at)) throw new ControlError(400, 'set must be an ISO date-time or epoch milliseconds');
      ctx.clock.set(at);
    }
    if (b.advanceMs !== undefined) {
      if (typeof b.advanceMs !== 'number' || !(b.advanceMs >= 0))
        throw new ControlError(400, 'advanceMs must be a non-negative number');
      ctx.clock.advance(b.advanceMs);
    }
    if (b.set === undefined && b.advanceMs === undefined)
      throw new ControlError(400, 'send set (ISO date-time) and/or advanceMs');
    return { now: ctx.clock.nowDate().toISOString(), fixed: ctx.clock.isFixed() };
  });

  app.get('/contract-violations', () => ctx.contracts.report());
  app.delete('/contract-violations', (_request, reply) => {
    ctx.contracts.reset();
    return reply.code(204).send();
  });
  app.get('/faults', () => ({ faults: ctx.faults.list() }));
  app.post('/faults', (request, reply) => reply.code(201).send(service.injectFault(body(request.body) as FaultSpec)));
  app.delete<{ Querystring: { id?: string } }>('/faults', (request) => ({
    removed: service.clearFaults(request.query.id),
  }));

  app.post<{ Params: { trackingNumber: string } }>('/packages/:trackingNumber/events', (request) =>
    service.packageEvent(request.params.trackingNumber, body(request.body).type as PackageEventType),
  );
  app.get<{ Params: { channel: string; orderId: string } }>('/orders/:channel/:orderId', (request) => {
    const channel = request.params.channel.toUpperCase();
    if (channel !== 'WALMART' && channel !== 'AMAZON') throw new ControlError(400, 'channel must be WALMART or AMAZON');
    return service.orderState(channel, request.params.orderId);
  });
  app.put<{ Params: { channel: string; orderId: string } }>('/orders/:channel/:orderId/malformed', (request) =>
    service.malformOrder(channelParam(request.params.channel), request.params.orderId, body(request.body).patch),
  );
  app.delete<{ Params: { channel: string; orderId: string } }>('/orders/:channel/:orderId/malformed', (request) =>
    service.restoreOrder(channelParam(request.params.channel), request.params.orderId),
  );
  app.get<{ Params: { accountId: string } }>('/accounts/:accountId/valid-tracking', (request) =>
    service.validTracking(request.params.accountId),
  );
  // An A-to-z claim, chargeback or negative feedback on an Amazon order: counts in the account health report's ODR.
  app.post<{ Params: { orderId: string } }>('/orders/amazon/:orderId/defects', (request, reply) => {
    const kind = body(request.body).kind as OrderDefectKind;
    if (!ORDER_DEFECT_KINDS.includes(kind))
      throw new ControlError(400, `kind must be one of ${ORDER_DEFECT_KINDS.join(', ')}`);
    const { internal } = service.orderState('AMAZON', request.params.orderId);
    if (!(internal as AmazonOrder).items) throw new ControlError(400, 'an MCF order has no order defects');
    recordOrderDefect(internal as AmazonOrder, kind);
    return reply.code(201).send({ orderId: request.params.orderId, kind });
  });
  registerEasyPostControl(app, ctx);
  registerAmazonReturnsControl(app, ctx);
  registerAmazonShippingControl(app, ctx);
  registerWalmartReturnsControl(app, ctx);
  registerSqsControl(app, ctx);
  registerWalmartWebhooksControl(app, ctx);
  app.post('/mcf/inventory', (request) => {
    const b = body(request.body);
    return service.setMcfInventory(String(b.accountId), b.sku as string, b.quantity as number);
  });
}
