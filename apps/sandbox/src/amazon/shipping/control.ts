import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { ControlError } from '../../control/service';
import { SHIPPING_FAULTS, type ShippingFault, plantShippingFault } from './state';

/**
 * POST /_sandbox/amazon/shipping/faults { accountId, fault, times? }: the account's next `times` (default 1) Buy
 * Shipping calls the fault concerns are refused as Amazon refuses them (see SHIPPING_FAULTS).
 */
export function registerAmazonShippingControl(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/amazon/shipping/faults', (request, reply) => {
    const b = (request.body ?? {}) as Record<string, unknown>;
    if (typeof b.accountId !== 'string') throw new ControlError(400, 'accountId is required');
    const data = ctx.store.accounts.get(b.accountId);
    if (!data) throw new ControlError(404, `no account ${b.accountId}`);
    if (data.account.channel !== 'AMAZON')
      throw new ControlError(400, `account ${b.accountId} is not an Amazon account`);
    const fault = b.fault as ShippingFault;
    if (!SHIPPING_FAULTS.includes(fault))
      throw new ControlError(400, `fault must be one of ${SHIPPING_FAULTS.join(', ')}`);
    const times = b.times ?? 1;
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 1)
      throw new ControlError(400, 'times must be a positive integer');
    plantShippingFault(data, fault, times);
    return reply.code(201).send({ accountId: b.accountId, fault, times });
  });
}
