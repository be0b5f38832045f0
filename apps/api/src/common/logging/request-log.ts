import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Fastify's per-request lines ("incoming request" and "request completed", two per request at info) made one line
 * at debug: at the default level the log grows with events (errors, refusals, lifecycle), not with traffic, so a
 * flood of requests cannot flood it. The line has the path without its query string (which may carry search
 * terms: names, addresses).
 */
export class HubLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = {
      method: request.method,
      path: request.url.split('?')[0].slice(0, 200),
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.debug(line, 'request completed');
  }
}
