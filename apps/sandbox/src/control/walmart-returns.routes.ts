import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { Random, hashString } from '../random';
import type { AccountData, WalmartOrder } from '../state/types';
import { ReturnRequestError, addReturn, returnLines } from '../walmart/returns/create';
import { WalmartError } from '../walmart/errors';
import { applyReturnRefund } from '../walmart/returns/refund';
import { findReturn, isDelivered, returnsChanged } from '../walmart/returns/lifecycle';
import { serializeReturn } from '../walmart/returns/serialize';
import { ControlError } from './service';

type Body = Record<string, unknown>;

function body(value: unknown): Body {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ControlError(400, 'body must be a JSON object');
  return value as Body;
}

function walmartAccounts(ctx: SandboxContext, accountId: unknown): AccountData[] {
  if (accountId === undefined) return [...ctx.store.accounts.values()].filter((d) => d.account.channel === 'WALMART');
  if (typeof accountId !== 'string') throw new ControlError(400, 'accountId must be a string');
  const data = ctx.store.accounts.get(accountId);
  if (!data) throw new ControlError(404, `no account ${accountId}`);
  if (data.account.channel !== 'WALMART')
    throw new ControlError(400, `account ${data.account.id} is not a Walmart account`);
  return [data];
}

function findOrder(
  ctx: SandboxContext,
  accountId: unknown,
  purchaseOrderId: string,
): { data: AccountData; order: WalmartOrder } {
  for (const data of walmartAccounts(ctx, accountId)) {
    ctx.advanceAccount(data);
    const order = data.walmartOrders.get(purchaseOrderId);
    if (order) return { data, order };
  }
  throw new ControlError(404, `no Walmart purchase order ${purchaseOrderId}`);
}

/**
 * A buyer's Walmart return, made on demand: `POST /walmart/returns {accountId?, purchaseOrderId, lines?}` opens it now
 * (in transit about a day later, received a few days after), `POST /walmart/returns/:id/deliver` has it received at
 * the return centre now, which starts the seller's 48 hours, and `POST /walmart/returns/:id/refund` is the seller
 * refunding every unit received in Seller Center, outside the hub (Walmart's own rules apply). Each answers the return
 * as GET /v3/returns shows it.
 */
export function registerWalmartReturnsControl(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/walmart/returns', (request, reply) => {
    const b = body(request.body);
    if (typeof b.purchaseOrderId !== 'string' || b.purchaseOrderId === '')
      throw new ControlError(400, 'purchaseOrderId is required');
    const { data, order } = findOrder(ctx, b.accountId, b.purchaseOrderId);
    const now = ctx.clock.now();
    try {
      const lines = returnLines(order, b.lines);
      const random = new Random(hashString(`control:${order.purchaseOrderId}:${order.returns?.length ?? 0}:${now}`));
      const ret = addReturn(data.account.walmart?.sellerId ?? data.account.id, order, lines, now, random);
      returnsChanged(data);
      ctx.changed();
      return reply.code(201).send(serializeReturn(ret, now, { replacementInfo: true }));
    } catch (error) {
      if (error instanceof ReturnRequestError) throw new ControlError(400, error.message);
      throw error;
    }
  });

  app.post<{ Params: { returnOrderId: string } }>('/walmart/returns/:returnOrderId/deliver', (request) => {
    const now = ctx.clock.now();
    for (const data of walmartAccounts(ctx, undefined)) {
      ctx.advanceAccount(data);
      const found = findReturn(data, request.params.returnOrderId, now);
      if (!found) continue;
      const { ret } = found;
      if (isDelivered(ret, now))
        throw new ControlError(
          409,
          `return ${ret.returnOrderId} was already received at ${new Date(ret.deliveredAt).toISOString()}`,
        );
      ret.inTransitAt = Math.min(ret.inTransitAt, now);
      ret.deliveredAt = now;
      returnsChanged(data);
      ctx.changed();
      return serializeReturn(ret, now, { replacementInfo: true });
    }
    throw new ControlError(404, `no Walmart return ${request.params.returnOrderId}`);
  });

  app.post<{ Params: { returnOrderId: string } }>('/walmart/returns/:returnOrderId/refund', (request) => {
    const now = ctx.clock.now();
    for (const data of walmartAccounts(ctx, undefined)) {
      ctx.advanceAccount(data);
      const found = findReturn(data, request.params.returnOrderId, now);
      if (!found) continue;
      const draft = structuredClone(found.order);
      const ret = draft.returns?.find((r) => r.returnOrderId === found.ret.returnOrderId);
      if (!ret) break;
      try {
        applyReturnRefund(
          draft,
          ret,
          {
            customerOrderId: ret.customerOrderId,
            refundLines: ret.lines.map((l) => ({ returnOrderLineNumber: l.returnOrderLineNumber })),
          },
          now,
        );
      } catch (error) {
        if (error instanceof WalmartError) throw new ControlError(409, error.message);
        throw error;
      }
      data.walmartOrders.set(draft.purchaseOrderId, draft);
      returnsChanged(data);
      ctx.changed();
      return serializeReturn(ret, now, { replacementInfo: true });
    }
    throw new ControlError(404, `no Walmart return ${request.params.returnOrderId}`);
  });
}
