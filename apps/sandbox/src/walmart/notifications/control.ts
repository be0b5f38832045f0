import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { ControlError } from '../../control/service';
import { moveQuantity, quantityIn } from '../lifecycle';
import { validateWebhookFaults } from './sender';

type Body = Record<string, unknown>;

/** Walmart's own reason on the lines its fraud team cancels (the cancel reasons the Orders model names). */
const FRAUD_REASON = 'SELLER_CANCEL_FRAUD_STOP_SHIPMENT';

function body(value: unknown): Body {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ControlError(400, 'body must be a JSON object');
  return value as Body;
}

function walmartAccountId(ctx: SandboxContext, value: unknown): string {
  if (typeof value !== 'string') throw new ControlError(400, 'accountId is required');
  const data = ctx.store.accounts.get(value);
  if (!data) throw new ControlError(404, `no account ${value}`);
  if (data.account.channel !== 'WALMART') throw new ControlError(400, `account ${value} is not a Walmart account`);
  return value;
}

/** Control routes (under /_sandbox) for Walmart's webhook deliveries. */
export function registerWalmartWebhooksControl(app: FastifyInstance, ctx: SandboxContext): void {
  const hooks = ctx.walmartWebhooks;

  /** Per-account faults: { accountId, drop, duplicate, delay, delayMs, outOfOrder, outOfOrderMs }. */
  app.put('/walmart/webhooks/faults', (request) => {
    const { accountId, ...faults } = body(request.body);
    const id = walmartAccountId(ctx, accountId);
    const problem = validateWebhookFaults(faults);
    if (problem) throw new ControlError(400, problem);
    hooks.setFaults(id, faults);
    return { accountId: id, faults };
  });
  app.delete<{ Querystring: { accountId?: string } }>('/walmart/webhooks/faults', (request) => {
    hooks.setFaults(walmartAccountId(ctx, request.query.accountId), null);
    return { accountId: request.query.accountId };
  });

  /** Posts what is due now (with a fixed clock: after moving it); answers when every due post was tried. */
  app.post('/walmart/webhooks/deliver', async () => {
    await hooks.deliverDue();
    return { pending: hooks.pendingCount() };
  });

  app.get<{ Querystring: { accountId?: string } }>('/walmart/webhooks/deliveries', (request) => ({
    deliveries: hooks.deliveries(request.query.accountId),
    pending: hooks.pendingCount(request.query.accountId),
  }));

  /** Walmart's fraud team cancels every open line of the order: FRAUD_CANCEL is pushed. */
  app.post<{ Params: { purchaseOrderId: string } }>('/walmart/orders/:purchaseOrderId/fraud-cancel', (request) => {
    for (const data of ctx.store.accounts.values()) {
      const order = data.walmartOrders.get(request.params.purchaseOrderId);
      if (!order) continue;
      ctx.advanceAccount(data);
      const now = ctx.clock.now();
      for (const line of order.lines) {
        const open = quantityIn(line, ['Created', 'Acknowledged']);
        if (open === 0) continue;
        moveQuantity(line, ['Created', 'Acknowledged'], open, {
          status: 'Cancelled',
          cancellationReason: FRAUD_REASON,
        });
        line.statusDate = now;
      }
      order.lastModified = Math.max(order.lastModified, now);
      ctx.changed();
      ctx.orderEvents.emit({
        channel: 'WALMART',
        accountId: data.account.id,
        orderId: order.purchaseOrderId,
        kind: 'FRAUD_CANCELLED',
        at: new Date(now),
      });
      return { purchaseOrderId: order.purchaseOrderId, accountId: data.account.id };
    }
    throw new ControlError(404, `no Walmart purchase order ${request.params.purchaseOrderId}`);
  });
}
