import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Serves the built console at `/`. Paths without a file extension get index.html, so the console's own
 * routes (`/orders/:id`) survive a reload. Returns false when the console has not been built.
 */
export async function serveConsole(app: NestFastifyApplication, distDir: string): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, index: 'index.html' });
  fastify.get('/*', (req: FastifyRequest, reply: FastifyReply) => {
    if (/\.[a-z0-9]+$/i.test(req.url.split('?')[0])) return reply.code(404).send({ message: 'Not found' });
    return reply.type('text/html').sendFile('index.html');
  });
  return true;
}
