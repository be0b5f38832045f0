import type { Channel } from '@order-hub/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';

type FaultErrorRenderer = (reply: FastifyReply, status: 429 | 500 | 503) => FastifyReply;

/** onRequest hook for one channel: answers injected errors, hangs, delays, or marks the write as silently dropped. */
export function faultHook(ctx: SandboxContext, channel: Channel, renderError: FaultErrorRenderer) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const path = request.url.split('?')[0];
    const outcome = ctx.faults.decide(channel, request.method, request.routeOptions.url ?? path, path);
    switch (outcome.kind) {
      case 'error':
        request.injectedFault = true;
        return renderError(reply, outcome.status);
      case 'timeout': {
        reply.hijack();
        const socket = request.raw.socket;
        const timer = setTimeout(() => socket.destroy(), outcome.afterMs);
        socket.once('close', () => clearTimeout(timer));
        return reply;
      }
      case 'pass':
        if (outcome.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, outcome.delayMs));
        request.silentDrop = outcome.silentDrop;
        return undefined;
    }
  };
}
