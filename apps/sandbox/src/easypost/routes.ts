import { timingSafeEqual } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { EasyPostError, FAULT_ERRORS, invalidParameter, notFound, rateLimited, unauthorized } from './errors';
import { FILES_PATH, labelRoutes } from './label-routes';
import { iso } from './serialize';
import type { TrackerQuery } from './simulator';
import type { WebhookRecord } from './types';

type Query = Record<string, string | string[] | undefined>;

declare module 'fastify' {
  interface FastifyRequest {
    easypostKey?: string;
  }
}

function send(reply: FastifyReply, error: EasyPostError): FastifyReply {
  return reply.code(error.status).send(error.body());
}

/** The API key is the user name of HTTP Basic auth (the password is empty). */
function basicUser(header: string | undefined): string | undefined {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const user = decoded.split(':')[0];
  return user || undefined;
}

function sameKey(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

function values(raw: string | string[] | undefined): string[] {
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
}

/**
 * `tracking_codes` as clients send it: `tracking_codes[]=a&tracking_codes[]=b`, indexed `tracking_codes[0]=a`, or
 * repeated `tracking_codes=a&tracking_codes=b` (superagent's `indices: false`, which the official Node client uses);
 * also the single `tracking_code` the client's types name.
 */
function trackingCodes(query: Query): string[] {
  return Object.keys(query)
    .filter((k) => /^tracking_codes?(\[\d*\])?$/.test(k))
    .flatMap((k) => values(query[k]))
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function one(query: Query, field: string): string | undefined {
  const list = values(query[field]);
  if (list.length > 1) throw invalidParameter(field, 'must be given once');
  return list[0];
}

function dateParam(query: Query, field: string): number | undefined {
  const raw = one(query, field);
  if (raw === undefined) return undefined;
  const at = Date.parse(raw);
  if (!Number.isFinite(at)) throw invalidParameter(field, `${raw} is not an ISO 8601 date-time`);
  return at;
}

function trackerQuery(query: Query): TrackerQuery {
  const rawSize = one(query, 'page_size');
  const pageSize = rawSize === undefined ? 20 : Number(rawSize);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
    throw invalidParameter('page_size', 'must be an integer from 1 to 100');
  return {
    trackingCodes: trackingCodes(query),
    carrier: one(query, 'carrier'),
    pageSize,
    beforeId: one(query, 'before_id'),
    afterId: one(query, 'after_id'),
    start: dateParam(query, 'start_datetime'),
    end: dateParam(query, 'end_datetime'),
  };
}

function webhookJson(hook: WebhookRecord, mode: string) {
  return {
    id: hook.id,
    object: 'Webhook',
    mode,
    url: hook.url,
    created_at: iso(hook.createdAt),
    disabled_at: hook.disabledAt === null ? null : iso(hook.disabledAt),
    custom_headers: [],
  };
}

function wrapped(body: unknown, name: string): Record<string, unknown> {
  const inner = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (!inner || typeof inner !== 'object' || Array.isArray(inner))
    throw invalidParameter(name, 'is required (an object)');
  return inner as Record<string, unknown>;
}

function webhookUrl(raw: unknown): string {
  if (typeof raw !== 'string') throw invalidParameter('webhook.url', 'is required');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidParameter('webhook.url', `${raw} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalidParameter('webhook.url', 'must be an http or https URL');
  return raw;
}

function hooks(app: FastifyInstance, ctx: SandboxContext, apiKeys: readonly string[]): void {
  // The official client sends Content-Type: application/json on every call, DELETE and GET included, with no body.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new EasyPostError(400, 'BAD_REQUEST', 'The request body is not valid JSON.'), undefined);
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    const outcome = ctx.faults.decide('EASYPOST', request.method, request.routeOptions.url ?? path, path);
    if (outcome.kind === 'error') {
      request.injectedFault = true;
      return send(reply, FAULT_ERRORS[outcome.status]());
    }
    if (outcome.kind === 'timeout') {
      reply.hijack();
      const socket = request.raw.socket;
      const timer = setTimeout(() => socket.destroy(), outcome.afterMs);
      socket.once('close', () => clearTimeout(timer));
      return reply;
    }
    if (outcome.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
    if (path.startsWith(`/easypost${FILES_PATH}/`)) return undefined;
    const key = basicUser(request.headers.authorization);
    if (!key || !apiKeys.some((k) => sameKey(key, k))) return send(reply, unauthorized());
    request.easypostKey = key;
    if (ctx.throttle.enabled) {
      const taken = ctx.buckets.take(`easypost:${key}`, ctx.throttle.easypost(), ctx.clock.elapsedMs());
      if (!taken.allowed) return send(reply, rateLimited());
    }
    ctx.easypost.refresh(ctx.clock.now());
    return undefined;
  });
  app.setErrorHandler((error: FastifyError | EasyPostError, request, reply) => {
    if (error instanceof EasyPostError) return send(reply, error);
    if (error.statusCode !== undefined && error.statusCode < 500)
      return send(reply, new EasyPostError(error.statusCode === 415 ? 415 : 400, 'BAD_REQUEST', error.message));
    request.log.error(error);
    return send(reply, FAULT_ERRORS[500]());
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, notFound(`${request.method} ${request.url.split('?')[0]} is not an EasyPost endpoint`)),
  );
}

/** EasyPost's v2 Tracker, Webhook, Shipment and Address API under /easypost/v2. */
export function easypostPlugin(app: FastifyInstance, ctx: SandboxContext, apiKeys: readonly string[]): void {
  hooks(app, ctx, apiKeys);
  const sim = ctx.easypost;
  const now = () => ctx.clock.now();
  const changed = <T>(value: T): T => {
    ctx.changed();
    return value;
  };

  app.post('/v2/trackers', (request: FastifyRequest, reply) => {
    const body = wrapped(request.body, 'tracker');
    const before = sim.state().seq;
    const tracker = sim.createTracker(body.tracking_code, body.carrier, now());
    const created = sim.state().seq !== before;
    return reply.code(created ? 201 : 200).send(changed(sim.json(tracker, now())));
  });
  app.get<{ Querystring: Query }>('/v2/trackers', (request) => {
    const { trackers, hasMore } = sim.list(trackerQuery(request.query), now());
    return { trackers: trackers.map((t) => sim.json(t, now())), has_more: hasMore };
  });
  app.get<{ Params: { id: string } }>('/v2/trackers/:id', (request) => sim.json(sim.tracker(request.params.id), now()));
  app.delete<{ Params: { id: string } }>('/v2/trackers/:id', (request) => {
    sim.deleteTracker(request.params.id);
    return changed({ success: true });
  });

  app.post('/v2/webhooks', (request, reply) => {
    const body = wrapped(request.body, 'webhook');
    const secret = body.webhook_secret;
    if (secret !== undefined && secret !== null && typeof secret !== 'string')
      throw invalidParameter('webhook.webhook_secret', 'must be a string');
    const hook = sim.hooks.create(webhookUrl(body.url), secret ? secret : null, now());
    return reply.code(201).send(changed(webhookJson(hook, sim.mode)));
  });
  app.get('/v2/webhooks', () => ({ webhooks: [...sim.hooks.webhooks.values()].map((h) => webhookJson(h, sim.mode)) }));
  app.get<{ Params: { id: string } }>('/v2/webhooks/:id', (request) => {
    const hook = sim.hooks.webhooks.get(request.params.id);
    if (!hook) throw notFound(`webhook ${request.params.id}`);
    return webhookJson(hook, sim.mode);
  });
  app.patch<{ Params: { id: string } }>('/v2/webhooks/:id', (request) => {
    const hook = sim.hooks.webhooks.get(request.params.id);
    if (!hook) throw notFound(`webhook ${request.params.id}`);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const secret = (body.webhook as Record<string, unknown> | undefined)?.webhook_secret ?? body.webhook_secret;
    if (typeof secret === 'string') hook.secret = secret || null;
    hook.disabledAt = null;
    return changed(webhookJson(hook, sim.mode));
  });
  app.delete<{ Params: { id: string } }>('/v2/webhooks/:id', (request) => {
    if (!sim.hooks.remove(request.params.id)) throw notFound(`webhook ${request.params.id}`);
    return changed({});
  });

  labelRoutes(app, ctx);
}
