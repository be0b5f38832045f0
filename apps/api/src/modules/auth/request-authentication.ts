import type { FastifyRequest } from 'fastify';
import type { AuthOutcome } from './caller';
import type { ApiTokensService } from './api-tokens.service';

const NO_TOKEN = 'A valid API token is required: send "Authorization: Bearer <token>".';

const outcomes = new WeakMap<FastifyRequest, Promise<AuthOutcome>>();
const refused = new WeakSet<FastifyRequest>();

/** The secret of an `Authorization: Bearer <secret>` header; null when there is none. */
export function bearerSecret(req: Pick<FastifyRequest, 'headers'>): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
}

/**
 * Who the request's bearer token stands for, looked up once per request however many places ask (the rate
 * limiter, each root field's guard, introspection, `health`).
 */
export function authenticateRequest(req: FastifyRequest, tokens: ApiTokensService): Promise<AuthOutcome> {
  let outcome = outcomes.get(req);
  if (!outcome) {
    const secret = bearerSecret(req);
    outcome = secret ? tokens.check(secret) : Promise.resolve({ refused: NO_TOKEN });
    outcomes.set(req, outcome);
  }
  return outcome;
}

/** Counts against the address's budget of refused authentications (the rate limiter reads it after the reply). */
export function markAuthenticationRefused(req: FastifyRequest): void {
  refused.add(req);
}

export function wasAuthenticationRefused(req: FastifyRequest): boolean {
  return refused.has(req);
}
