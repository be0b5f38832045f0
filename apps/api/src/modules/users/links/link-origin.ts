import type { FastifyRequest } from 'fastify';
import type { AppConfig } from 'src/config/app-config';

/**
 * The origin links are made with: PUBLIC_URL when set; otherwise the page the admin is on (their browser's
 * `Origin`, else the request's own scheme and host). Only for requests an admin made: an anonymous request could
 * name any host and have a reset link for someone else's account point at it.
 */
export function adminLinkOrigin(req: FastifyRequest, config: Pick<AppConfig, 'publicUrl'>): string {
  if (config.publicUrl) return config.publicUrl;
  const origin = req.headers.origin;
  if (origin && /^https?:\/\/[^/\s]+$/.test(origin)) return origin;
  return `${req.protocol}://${req.host}`;
}
