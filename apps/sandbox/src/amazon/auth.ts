import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { AmazonError, invalidInput, sendAmazonError } from './errors';
import { arr, enumValue, obj, req } from './validate';

export const AMAZON_TOKEN_TTL_SECONDS = 3600;
const RDT_PATHS = [/^\/orders\/v0\/orders\/[^/]+\/address$/];
const DATA_ELEMENTS = ['buyerInfo', 'shippingAddress', 'buyerTaxInformation'];
/** The scopes LWA's client_credentials grant issues for SP-API's grantless operations. */
const GRANTLESS_SCOPES = ['sellingpartnerapi::notifications', 'sellingpartnerapi::client_credential:rotation'];
/**
 * Operations called with a grantless token, and its scope (notifications.json v1: "This is a grantless operation"
 * in each one's description); every other operation needs the seller's token.
 */
const GRANTLESS_OPERATIONS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'getDestinations',
    'createDestination',
    'getDestination',
    'deleteDestination',
    'getSubscriptionById',
    'deleteSubscriptionById',
    'sendTestNotification',
  ].map((operation) => [operation, 'sellingpartnerapi::notifications']),
);

function lwaError(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
  return reply.code(status).send({ error, error_description: description });
}

/** Login with Amazon: `POST /auth/o2/token` exchanging a refresh token; form or JSON bodies, as Amazon's own clients send both. */
export function registerLwaToken(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/auth/o2/token', { config: { noAuth: true } }, (request, reply) => {
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<
      string,
      unknown
    >;
    const field = (name: string) => (typeof body[name] === 'string' ? body[name] : undefined);
    if (!field('grant_type'))
      return lwaError(reply, 400, 'invalid_request', 'The request is missing a required parameter : grant_type');
    if (field('grant_type') === 'client_credentials') return grantless(ctx, reply, field);
    if (field('grant_type') !== 'refresh_token') {
      return lwaError(
        reply,
        400,
        'unsupported_grant_type',
        `grant_type ${field('grant_type')} is not supported; use refresh_token (seller authorization) or client_credentials (grantless operations)`,
      );
    }
    for (const name of ['refresh_token', 'client_id', 'client_secret']) {
      if (!field(name))
        return lwaError(reply, 400, 'invalid_request', `The request is missing a required parameter : ${name}`);
    }
    const data = [...ctx.store.accounts.values()].find((d) => d.account.amazon?.clientId === field('client_id'));
    const creds = data?.account.amazon;
    if (!data || !creds || creds.clientSecret !== field('client_secret')) {
      return lwaError(reply, 401, 'invalid_client', 'Client authentication failed');
    }
    if (creds.refreshToken !== field('refresh_token')) {
      return lwaError(reply, 400, 'invalid_grant', 'The request has an invalid grant parameter : refresh_token');
    }
    const token = `Atza|${randomBytes(96).toString('base64url')}`;
    ctx.store.issueToken(
      ctx.store.amazonTokens,
      token,
      { accountId: data.account.id, expiresAt: ctx.clock.now() + AMAZON_TOKEN_TTL_SECONDS * 1000 },
      ctx.clock.now(),
    );
    ctx.changed();
    return reply.send({
      access_token: token,
      refresh_token: creds.refreshToken,
      token_type: 'bearer',
      expires_in: AMAZON_TOKEN_TTL_SECONDS,
    });
  });
}

/** LWA's client_credentials grant: the application's own token for grantless operations in one scope. */
function grantless(
  ctx: SandboxContext,
  reply: FastifyReply,
  field: (name: string) => string | undefined,
): FastifyReply {
  for (const name of ['scope', 'client_id', 'client_secret']) {
    if (!field(name))
      return lwaError(reply, 400, 'invalid_request', `The request is missing a required parameter : ${name}`);
  }
  if (!GRANTLESS_SCOPES.includes(field('scope')!))
    return lwaError(reply, 400, 'invalid_scope', `The request has an invalid parameter : scope`);
  const data = [...ctx.store.accounts.values()].find((d) => d.account.amazon?.clientId === field('client_id'));
  if (!data || data.account.amazon?.clientSecret !== field('client_secret'))
    return lwaError(reply, 401, 'invalid_client', 'Client authentication failed');
  const token = `Atc|${randomBytes(96).toString('base64url')}`;
  ctx.store.issueToken(
    ctx.store.amazonTokens,
    token,
    { accountId: data.account.id, expiresAt: ctx.clock.now() + AMAZON_TOKEN_TTL_SECONDS * 1000, scope: field('scope') },
    ctx.clock.now(),
  );
  ctx.changed();
  return reply.send({ access_token: token, token_type: 'bearer', expires_in: AMAZON_TOKEN_TTL_SECONDS });
}

/** Tokens API `createRestrictedDataToken`: an RDT unlocks personal data on the listed v0 paths for an hour. */
export function registerRestrictedDataToken(app: FastifyInstance, ctx: SandboxContext): void {
  app.post(
    '/tokens/2021-03-01/restrictedDataToken',
    { config: { amazonOperation: 'createRestrictedDataToken' } },
    (request) => {
      const body = obj(request.body, 'body');
      const resources = arr(body.restrictedResources, 'restrictedResources', { max: 50 }).map((raw, i) => {
        const r = obj(raw, `restrictedResources[${i}]`);
        const method: string =
          enumValue(r.method, `restrictedResources[${i}].method`, ['GET', 'PUT', 'POST', 'DELETE']) ?? '';
        const path = req(r.path, `restrictedResources[${i}].path`);
        if (!RDT_PATHS.some((p) => p.test(path)))
          throw invalidInput(`restrictedResources[${i}].path ${path} is not a restricted operation`);
        const dataElements = arr(r.dataElements, `restrictedResources[${i}].dataElements`, { optional: true }).map(
          (e, j) => enumValue(e, `restrictedResources[${i}].dataElements[${j}]`, DATA_ELEMENTS) as string,
        );
        return { method, path, dataElements };
      });
      const account = request.account;
      if (!account) throw new Error('RDT requested without an account');
      const token = `Atz.sprdt|${randomBytes(64).toString('base64url')}`;
      ctx.store.issueToken(
        ctx.store.amazonTokens,
        token,
        {
          accountId: account.account.id,
          expiresAt: ctx.clock.now() + AMAZON_TOKEN_TTL_SECONDS * 1000,
          restricted: resources,
        },
        ctx.clock.now(),
      );
      ctx.changed();
      return { restrictedDataToken: token, expiresIn: AMAZON_TOKEN_TTL_SECONDS };
    },
  );
}

function denied(details: string): AmazonError {
  return new AmazonError(
    403,
    'Unauthorized',
    'Access to requested resource is denied.',
    details,
    'AccessDeniedException',
  );
}

/** preHandler: `x-amz-access-token` must be a live LWA token (or an RDT covering this exact call). SigV4 headers are ignored. */
export function amazonAuthHook(ctx: SandboxContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.routeOptions.config.noAuth) return undefined;
    const raw = request.headers['x-amz-access-token'];
    const token = Array.isArray(raw) ? raw[0] : raw;
    const issued = token ? ctx.store.amazonTokens.get(token) : undefined;
    let problem: string | undefined;
    if (!token) problem = 'Missing x-amz-access-token header';
    else if (!issued) problem = 'The access token you provided is revoked, malformed or invalid.';
    else if (issued.expiresAt <= ctx.clock.now()) problem = 'The access token you provided has expired.';
    const path = request.url.split('?')[0].replace(/^\/amazon/, '');
    if (
      !problem &&
      issued?.restricted &&
      !issued.restricted.some((r) => r.method === request.method && r.path === path)
    ) {
      problem = 'The restricted data token does not cover this operation.';
    }
    const operation = request.routeOptions.config.amazonOperation;
    const scope = operation ? GRANTLESS_OPERATIONS[operation] : undefined;
    if (!problem && issued && scope && issued.scope !== scope)
      problem = `${operation} is a grantless operation: call it with a token from the client_credentials grant in scope ${scope}.`;
    if (!problem && issued?.scope && !scope)
      problem = 'A grantless token cannot call an operation that needs the seller’s authorization.';
    if (problem || !issued) return sendAmazonError(reply, denied(problem ?? 'invalid token'));
    request.account = ctx.store.require(issued.accountId);
    request.restrictedAccess = issued.restricted;
    ctx.advanceAccount(request.account);
    return undefined;
  };
}
