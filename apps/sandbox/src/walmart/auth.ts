import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { WalmartError, sendWalmartError, unauthorized } from './errors';

export const WALMART_TOKEN_TTL_SECONDS = 900;

function missingHeader(name: string): WalmartError {
  return new WalmartError(
    400,
    'MISSING_REQUEST_HEADER.GMP_GATEWAY_API',
    name,
    `MISSING_REQUEST_HEADER :: ${name} header is required`,
    'REQUEST',
  );
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.trim() !== '' ? text.trim() : undefined;
}

function requireCommonHeaders(request: FastifyRequest): void {
  if (!header(request, 'WM_QOS.CORRELATION_ID')) throw missingHeader('WM_QOS.CORRELATION_ID');
  if (!header(request, 'WM_SVC.NAME')) throw missingHeader('WM_SVC.NAME');
}

/** `POST /v3/token`: OAuth client credentials with HTTP Basic and a form body, as Walmart's auth model defines it. */
export function registerWalmartToken(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/v3/token', { config: { noAuth: true, walmartGroup: 'token' } }, async (request, reply) => {
    const authorization = header(request, 'Authorization');
    if (!authorization || !/^Basic\s+/i.test(authorization)) {
      throw unauthorized('Unauthorized: the Authorization header must be Basic base64(clientId:clientSecret)');
    }
    requireCommonHeaders(request);
    const contentType = header(request, 'Content-Type') ?? '';
    if (!contentType.startsWith('application/x-www-form-urlencoded')) {
      throw new WalmartError(
        400,
        'INVALID_REQUEST_HEADER.GMP_GATEWAY_API',
        'Content-Type',
        'INVALID_REQUEST_HEADER :: Content-Type must be application/x-www-form-urlencoded',
        'REQUEST',
      );
    }
    const decoded = Buffer.from(authorization.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    const clientId = separator > 0 ? decoded.slice(0, separator) : '';
    const data = ctx.store.findWalmartAccount(clientId);
    if (!data || data.account.walmart?.clientSecret !== decoded.slice(separator + 1)) {
      throw unauthorized('Unauthorized: invalid client id or client secret');
    }
    const body = (request.body ?? {}) as Record<string, string>;
    if (!body.grant_type) {
      throw new WalmartError(
        400,
        'MISSING_REQUEST_PARAM.GMP_GATEWAY_API',
        'grant_type',
        'MISSING_REQUEST_PARAM :: grant_type is required',
        'REQUEST',
      );
    }
    if (body.grant_type !== 'client_credentials') {
      throw new WalmartError(
        400,
        'INVALID_REQUEST_PARAM.GMP_GATEWAY_API',
        'grant_type',
        `INVALID_REQUEST_PARAM :: grant_type ${body.grant_type} needs a solution-provider partner id; sellers use client_credentials`,
        'REQUEST',
      );
    }
    const token = `eyJraWQiOiJ${randomBytes(96).toString('base64url')}`;
    ctx.store.issueToken(
      ctx.store.walmartTokens,
      token,
      { accountId: data.account.id, expiresAt: ctx.clock.now() + WALMART_TOKEN_TTL_SECONDS * 1000 },
      ctx.clock.now(),
    );
    ctx.changed();
    return reply.send({ access_token: token, token_type: 'Bearer', expires_in: WALMART_TOKEN_TTL_SECONDS });
  });
}

/** preHandler for every business call: Walmart's required headers and a live `WM_SEC.ACCESS_TOKEN`. */
export function walmartAuthHook(ctx: SandboxContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.routeOptions.config.noAuth) return undefined;
    try {
      const token = header(request, 'WM_SEC.ACCESS_TOKEN');
      if (!token) {
        if (/^Bearer\s/i.test(header(request, 'Authorization') ?? '')) {
          throw unauthorized('Unauthorized: send the access token in WM_SEC.ACCESS_TOKEN, not Authorization: Bearer');
        }
        throw missingHeader('WM_SEC.ACCESS_TOKEN');
      }
      requireCommonHeaders(request);
      const issued = ctx.store.walmartTokens.get(token);
      if (!issued) throw unauthorized('Unauthorized');
      if (issued.expiresAt <= ctx.clock.now()) throw unauthorized('Unauthorized: the access token has expired');
      request.account = ctx.store.require(issued.accountId);
      ctx.advanceAccount(request.account);
      return undefined;
    } catch (error) {
      if (error instanceof WalmartError) return sendWalmartError(reply, error);
      throw error;
    }
  };
}
