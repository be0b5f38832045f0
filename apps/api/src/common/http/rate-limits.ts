import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { ErrorCode } from 'src/common/errors/app-error';
import { LOG_CAUSE } from 'src/common/logging/hub-logger';
import type { AppConfig } from 'src/config/app-config';
import {
  authenticateRequest,
  bearerSecret,
  wasAuthenticationRefused,
  type RequestAuthenticator,
} from 'src/modules/auth/request-authentication';
import { sessionSecretOf } from 'src/modules/auth/sessions/session-cookie';
import { EASYPOST_WEBHOOK_PATH } from 'src/modules/carrier-tracking/trackers/webhooks/tracking-webhook.route';
import { PUSH_WEBHOOK_PATH } from 'src/modules/push/webhook/push-webhook.route';
import { redisOptions } from 'src/modules/jobs/redis-options';

const WINDOW_MS = 60_000;
/** Keys in Redis; every api process on one Redis counts in the same place. */
const NAMESPACE = 'order-hub:rate-limit:';

/**
 * Two limits in front of every route (GraphQL, the CSV downloads, the console's files), counted per minute:
 *
 * - requests: per token (keyed by a hash of the bearer secret), per console session (a hash of the cookie's
 *   secret) or, with neither, per client address;
 * - refused authentications per address: once an address has spent its budget, its requests are answered 429
 *   unless they carry a valid token or session, so random tokens stop reaching the database's lookup and a valid
 *   client behind the same address keeps working within its own budget.
 *
 * The tracking provider's signed webhooks skip the request limit: EasyPost posts bursts from a few addresses and
 * would be refused and delayed; the signature check stands in for it, and a bad signature counts as a refused
 * authentication.
 *
 * With REDIS_URL the counts live in Redis, shared by every api process; without, in this process. A limit of 0
 * turns it off (tests and benches set RATE_LIMIT_PER_MINUTE=0 / AUTH_FAILURE_LIMIT_PER_MINUTE=0). Returns the
 * function that closes the Redis connection.
 */
export async function registerRateLimits(
  fastify: FastifyInstance,
  config: AppConfig,
  auth: RequestAuthenticator,
): Promise<() => Promise<void>> {
  const { perMinute, authFailuresPerMinute } = config.rateLimit;
  if (perMinute <= 0 && authFailuresPerMinute <= 0) return async () => {};
  const redis = config.redisUrl
    ? new Redis({
        ...redisOptions(config.redisUrl),
        // A limiter must not stall requests while Redis is away: fail fast, and skipOnError lets them through.
        maxRetriesPerRequest: 1,
        commandTimeout: 1_000,
        connectTimeout: 2_000,
      })
    : undefined;
  redis?.on('error', (err: Error) => fastify.log.warn({ err }, 'Rate limit store (Redis) unavailable'));

  await fastify.register(rateLimit, {
    global: false,
    timeWindow: WINDOW_MS,
    skipOnError: true,
    ...(redis ? { redis, nameSpace: NAMESPACE } : {}),
  });
  const requests = fastify.createRateLimit({ max: perMinute, keyGenerator: requestKey });
  const authFailures = fastify.createRateLimit({
    max: authFailuresPerMinute,
    keyGenerator: (req) => `auth-failures:${req.ip}`,
  });

  fastify.addHook('onRequest', async (req, reply) => {
    if (perMinute > 0 && !isProviderWebhook(req)) {
      const r = await requests(req);
      if (!r.isAllowed) {
        reply.header('x-ratelimit-limit', r.max);
        reply.header('x-ratelimit-remaining', r.remaining);
        if (r.isExceeded)
          return tooMany(reply, req, r.ttlInSeconds, 'requests', `Too many requests: the limit is ${r.max} a minute`);
      }
    }
    if (authFailuresPerMinute > 0) {
      const f = await authFailures(req, { increment: false });
      if (!f.isAllowed && f.remaining === 0 && f.ttl > 0 && !(await carriesValidCredentials(req, auth))) {
        return tooMany(
          reply,
          req,
          f.ttlInSeconds,
          'auth-failures',
          `Too many refused authentications from this address (${f.max} a minute)`,
        );
      }
    }
  });
  if (authFailuresPerMinute > 0) {
    // Before the answer leaves (onSend, not onResponse), so a client's next request already sees the count.
    fastify.addHook('onSend', async (req) => {
      if (wasAuthenticationRefused(req)) await authFailures(req);
    });
  }

  return async () => {
    await redis?.quit().catch(() => undefined);
  };
}

/** A post to the tracking provider's or a channel's webhook route, which check their own signatures. */
function isProviderWebhook(req: FastifyRequest): boolean {
  return (
    req.method === 'POST' &&
    (req.routeOptions.url === EASYPOST_WEBHOOK_PATH || req.routeOptions.url === PUSH_WEBHOOK_PATH)
  );
}

/**
 * Per token when the request carries one, else per session cookie (hashes: a secret never becomes a Redis key),
 * else per address.
 */
function requestKey(req: FastifyRequest): string {
  const bearer = bearerSecret(req);
  if (bearer) return `token:${shortHash(bearer)}`;
  const session = sessionSecretOf(req);
  return session ? `session:${shortHash(session)}` : `ip:${req.ip}`;
}

function shortHash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url').slice(0, 32);
}

async function carriesValidCredentials(req: FastifyRequest, auth: RequestAuthenticator): Promise<boolean> {
  if (!bearerSecret(req) && !sessionSecretOf(req)) return false;
  return (await authenticateRequest(req, auth)).caller !== undefined;
}

/** 429 with Retry-After, and a GraphQL-shaped body so GraphQL clients read `extensions.code` as for any error. */
function tooMany(reply: FastifyReply, req: FastifyRequest, retryAfterSeconds: number, limit: string, what: string) {
  const seconds = Math.max(1, retryAfterSeconds);
  req.log.warn(
    { code: ErrorCode.RATE_LIMITED, limit, ip: req.ip, [LOG_CAUSE]: `${ErrorCode.RATE_LIMITED} ${limit}` },
    'Rate limited',
  );
  return reply
    .code(429)
    .header('retry-after', seconds)
    .type('application/json; charset=utf-8')
    .send({
      data: null,
      errors: [
        {
          message: `${what}; retry in ${seconds} s.`,
          extensions: { code: ErrorCode.RATE_LIMITED, limit, retryAfterSeconds: seconds },
        },
      ],
    });
}
