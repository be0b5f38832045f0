import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { ControlError } from '../control/service';
import { SqsError } from './queues';

function body(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ControlError(400, 'body must be a JSON object');
  return value as Record<string, unknown>;
}

/** Control routes: create an SQS queue; set an account's Amazon notification delivery faults. */
export function registerSqsControl(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/sqs/queues', (request, reply) => {
    const b = body(request.body);
    if (typeof b.name !== 'string') throw new ControlError(400, 'name is required (the queue name)');
    const attributes = (b.attributes ?? {}) as Record<string, string>;
    try {
      const queue = ctx.sqs.createQueue(b.name, attributes);
      return reply.code(201).send({ url: queue.url, arn: queue.arn });
    } catch (error) {
      if (error instanceof SqsError) throw new ControlError(400, error.message);
      throw error;
    }
  });
  app.post('/amazon/notifications/faults', (request) => {
    const b = body(request.body);
    if (typeof b.accountId !== 'string' || !ctx.store.accounts.has(b.accountId))
      throw new ControlError(404, 'accountId must name an Amazon sandbox account');
    const { accountId: _accountId, ...faults } = b;
    try {
      return ctx.amazonNotifications.setFaults(b.accountId, faults);
    } catch (error) {
      if (error instanceof RangeError) throw new ControlError(400, error.message);
      throw error;
    }
  });
}
