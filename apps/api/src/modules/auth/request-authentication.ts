import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { NO_CREDENTIALS, SESSION_ENDED } from './auth-messages';
import type { AuthOutcome } from './caller';
import { ApiTokensService } from './api-tokens.service';
import { sessionSecretOf } from './sessions/session-cookie';
import { SessionsService } from './sessions/sessions.service';

const outcomes = new WeakMap<FastifyRequest, Promise<AuthOutcome>>();
const refused = new WeakSet<FastifyRequest>();

/** The secret of an `Authorization: Bearer <secret>` header; null when there is none. */
export function bearerSecret(req: Pick<FastifyRequest, 'headers'>): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
}

/** Checks a request's credentials: a bearer token when it has one (machines), else the console's session cookie. */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly tokens: ApiTokensService,
    private readonly sessions: SessionsService,
  ) {}

  async check(req: FastifyRequest): Promise<AuthOutcome> {
    const bearer = bearerSecret(req);
    if (bearer) return this.tokens.check(bearer);
    const secret = sessionSecretOf(req);
    if (!secret) return { refused: NO_CREDENTIALS };
    const resolved = await this.sessions.resolve(secret);
    if (!resolved) return { refused: SESSION_ENDED };
    const { session, user, status } = resolved;
    return {
      caller: { tokenId: null, sessionId: session.id, userId: user.id, name: user.email, role: user.role },
      session: { secret, status },
    };
  }
}

/**
 * Who the request's credentials stand for, looked up once per request however many places ask (the rate
 * limiter, each root field's guard, introspection, `health`, the downloads).
 */
export function authenticateRequest(req: FastifyRequest, auth: RequestAuthenticator): Promise<AuthOutcome> {
  let outcome = outcomes.get(req);
  if (!outcome) {
    outcome = auth.check(req);
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
