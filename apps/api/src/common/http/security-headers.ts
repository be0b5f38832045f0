import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The console's policy: its build (Vite) has no inline script or style, so everything comes from the hub's own
 * origin. No `upgrade-insecure-requests`: the hub is often reached over plain http on a LAN address, and
 * upgrading its own requests to https would break the console there.
 */
const CONSOLE_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // The favicon is `data:,` in index.html.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'upgrade-insecure-requests': null,
};

/** GraphiQL (GRAPHIQL=true) loads React and GraphiQL from unpkg and has an inline style block: its pages only. */
const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self' https://unpkg.com",
  "style-src 'self' 'unsafe-inline' https://unpkg.com",
  "img-src 'self' data: https://unpkg.com",
  "font-src 'self' data: https://unpkg.com",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers on every answer (helmet): the CSP above, `X-Frame-Options`/`frame-ancestors` deny framing,
 * `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`, HSTS (honoured by browsers over https only).
 */
export async function registerSecurityHeaders(fastify: FastifyInstance, graphiql: boolean): Promise<void> {
  await fastify.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP },
    referrerPolicy: { policy: 'no-referrer' },
    // A hub on a subdomain must not decide https for its siblings.
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
    xFrameOptions: { action: 'deny' },
  });
  if (graphiql) {
    fastify.addHook('onRequest', async (req, reply) => {
      if (req.url === '/graphiql' || req.url.startsWith('/graphiql/') || req.url.startsWith('/graphiql?'))
        reply.raw.setHeader('content-security-policy', GRAPHIQL_CSP);
    });
  }
}
