import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * A POST route that receives its body as bytes (a signature is checked over the raw body), in a scope of its own so
 * the rest of the hub keeps its JSON parser. Nothing is registered in worker processes, which have no HTTP server.
 */
export function registerRawBodyPost<P extends Record<string, string>>(
  http: HttpAdapterHost,
  path: string,
  handle: (req: FastifyRequest<{ Params: P }>, reply: FastifyReply) => Promise<unknown>,
): void {
  const fastify = http.httpAdapter?.getInstance<FastifyInstance>();
  if (!fastify) return;
  void fastify.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, parsed) => parsed(null, body));
    scope.post<{ Params: P }>(path, handle);
    done();
  });
}
