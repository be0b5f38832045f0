import {
  type ContractApi,
  type ContractOperation,
  type ContractViolation,
  checkRequest,
  checkResponse,
  findOperation,
  operations,
} from '@order-hub/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ContractLog } from './log';

declare module 'fastify' {
  interface FastifyRequest {
    /** The model's operation this request is, when the models define it. */
    contractOperation?: ContractOperation;
    /** Fault injection answered for the channel's gateway: an outage the models do not describe. */
    injectedFault?: boolean;
  }
}

export interface ContractErrors {
  /** The channel's own 400 for a request the model rejects; `where` tells a body from a query parameter. */
  request(reply: FastifyReply, violations: ContractViolation[], where: 'body' | 'query'): FastifyReply;
  /** The channel's 500 envelope carrying the name of the sandbox's own violation. */
  response(violations: ContractViolation[]): { contentType: string; body: string };
}

type Query = Record<string, string | string[] | undefined>;

/** One line naming each violated field and the rule, for an error description. */
export function describe(violations: ContractViolation[]): string {
  const shown = violations.slice(0, 5).map((v) => `${v.field} ${v.message}`);
  return violations.length > 5 ? `${shown.join('; ')}; and ${violations.length - 5} more` : shown.join('; ');
}

function isJson(contentType: unknown): boolean {
  return typeof contentType === 'string' && /\bjson\b/i.test(contentType);
}

/**
 * Every request a channel plugin accepts and every response it sends is checked against the official model of
 * its operation. Validators compile once per operation: `warm` compiles them all when the sandbox starts.
 */
export function enforceContracts(
  app: FastifyInstance,
  options: { api: ContractApi; prefix: string; log: ContractLog; errors: ContractErrors },
): void {
  const { api, prefix, log, errors } = options;
  const channelPath = (request: FastifyRequest) => request.url.split('?')[0].slice(prefix.length) || '/';

  app.addHook('onRequest', (request, _reply, done) => {
    request.contractOperation = findOperation(api, request.method, channelPath(request));
    done();
  });

  // Runs after authentication and throttling, as the channels' gateways answer those first.
  app.addHook('preHandler', async (request, reply) => {
    const op = request.contractOperation;
    if (!op) return undefined;
    const violations = checkRequest(op, { query: (request.query ?? {}) as Query, body: request.body ?? undefined });
    if (violations.length === 0) return undefined;
    log.request({
      api,
      operationId: op.operationId,
      method: request.method,
      path: channelPath(request),
      violations,
      at: new Date().toISOString(),
    });
    const query = violations.filter((v) => v.field.startsWith('query.'));
    return query.length > 0 ? errors.request(reply, query, 'query') : errors.request(reply, violations, 'body');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const op = request.contractOperation;
    if (!op || request.injectedFault || (payload !== undefined && payload !== null && typeof payload !== 'string'))
      return payload;
    let body: unknown = payload === '' || payload === null ? undefined : payload;
    if (typeof body === 'string' && isJson(reply.getHeader('content-type'))) {
      try {
        body = JSON.parse(body);
      } catch {
        // Not JSON after all: the check reports the body as the string it is.
      }
    }
    const violations = checkResponse(op, reply.statusCode, body);
    if (violations.length === 0) return payload;
    log.response({
      api,
      operationId: op.operationId,
      method: request.method,
      path: channelPath(request),
      status: reply.statusCode,
      violations,
      at: new Date().toISOString(),
    });
    request.log.error({ operation: op.operationId, violations }, 'sandbox response violates the model');
    const failure = errors.response(violations);
    reply.code(500).header('content-type', failure.contentType);
    return failure.body;
  });
}

/** Compiles every validator of the models once, so the first request of each operation pays nothing. */
export function warmContracts(api: ContractApi): void {
  for (const op of operations(api)) {
    checkRequest(op, { body: undefined, query: {} });
    checkResponse(op, 200, {});
  }
}
