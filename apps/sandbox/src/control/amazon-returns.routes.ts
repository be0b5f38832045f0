import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { plantFatalFeed } from '../amazon/feeds/feed-faults';
import { PAYMENT_ADJUSTMENT_FEED } from '../amazon/feeds/processing';
import { REPORT_OUTCOMES, type ReportOutcome, plantReportOutcome } from '../amazon/reports/report-faults';
import { RETURNS_REPORT_TYPE } from '../amazon/reports/returns-report';
import {
  RETURN_REASON_CODES,
  addReturn,
  findReturn,
  refundedByReturn,
  returnableUnits,
} from '../amazon/returns/returns';
import { Random, hashString } from '../random';
import type { AccountData, AmazonOrder, AmazonReturn } from '../state/types';
import { ControlError } from './service';

type Body = Record<string, unknown>;

function body(value: unknown): Body {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ControlError(400, 'body must be a JSON object');
  return value as Body;
}

function optionalString(b: Body, field: string): string | undefined {
  const value = b[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '')
    throw new ControlError(400, `${field} must be a non-empty string`);
  return value;
}

function amazonAccount(ctx: SandboxContext, accountId: string | undefined): AccountData[] {
  if (accountId === undefined) return [...ctx.store.accounts.values()].filter((d) => d.account.channel === 'AMAZON');
  const data = ctx.store.accounts.get(accountId);
  if (!data) throw new ControlError(404, `no account ${accountId}`);
  if (data.account.channel !== 'AMAZON') throw new ControlError(400, `account ${accountId} is not an Amazon account`);
  return [data];
}

function requiredAccount(b: Body): string {
  const accountId = optionalString(b, 'accountId');
  if (!accountId) throw new ControlError(400, 'accountId is required');
  return accountId;
}

function serializeReturn(data: AccountData, order: AmazonOrder, ret: AmazonReturn, now: number) {
  const item = order.items.find((i) => i.orderItemId === ret.orderItemId);
  return {
    accountId: data.account.id,
    orderId: order.orderId,
    rma: ret.rma,
    orderItemId: ret.orderItemId,
    sku: item?.sellerSku ?? null,
    quantity: ret.quantity,
    reason: ret.reason,
    requestedAt: new Date(ret.requestedAt).toISOString(),
    receivedAt: ret.receivedAt !== undefined && ret.receivedAt <= now ? new Date(ret.receivedAt).toISOString() : null,
    carrier: ret.carrier,
    trackingId: ret.trackingId,
    refundedCents: refundedByReturn(order, now).get(ret.rma) ?? 0,
  };
}

function positiveInt(b: Body, field: string): number | undefined {
  const value = b[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new ControlError(400, `${field} must be a positive integer`);
  return value;
}

/**
 * Control routes for Amazon returns and for the report and feed endings a client must survive:
 * POST /amazon/returns (a buyer returns an item now), POST /amazon/returns/:rma/deliver (it reaches the seller
 * now), GET /amazon/returns?accountId=, POST /amazon/reports/faults and POST /amazon/feeds/faults.
 */
export function registerAmazonReturnsControl(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/amazon/returns', (request, reply) => {
    const b = body(request.body);
    const orderId = optionalString(b, 'orderId');
    if (!orderId) throw new ControlError(400, 'orderId is required');
    const sku = optionalString(b, 'sku');
    const reason = optionalString(b, 'reason') ?? 'CR-DEFECTIVE';
    if (!RETURN_REASON_CODES.includes(reason))
      throw new ControlError(400, `reason must be one of ${RETURN_REASON_CODES.join(', ')}`);
    const data = amazonAccount(ctx, optionalString(b, 'accountId')).find((d) => d.amazonOrders.has(orderId));
    const order = data?.amazonOrders.get(orderId);
    if (!data || !order) throw new ControlError(404, `no Amazon order ${orderId}`);
    if (order.fulfilledBy !== 'MERCHANT')
      throw new ControlError(
        400,
        `order ${orderId} is fulfilled by Amazon: its returns are Amazon's (FBA customer returns), not in the seller-fulfilled returns report`,
      );
    const item = sku
      ? order.items.find((i) => i.sellerSku === sku)
      : order.items.find((i) => returnableUnits(order, i) > 0);
    if (!item)
      throw new ControlError(
        sku ? 404 : 409,
        sku ? `order ${orderId} has no item with SKU ${sku}` : `order ${orderId} has no shipped unit left to return`,
      );
    const left = returnableUnits(order, item);
    if (left === 0)
      throw new ControlError(409, `${item.sellerSku} of order ${orderId} has no shipped unit left to return`);
    const quantity = positiveInt(b, 'quantity') ?? left;
    if (quantity > left)
      throw new ControlError(
        409,
        `quantity ${quantity} is more than the ${left} unit(s) of ${item.sellerSku} shipped and not already returned`,
      );
    const now = ctx.clock.now();
    const random = new Random(hashString(`${orderId}:${order.returns?.length ?? 0}:control`));
    const ret = addReturn(order, { item, quantity, reason, requestedAt: now }, random);
    ctx.changed();
    return reply.code(201).send(serializeReturn(data, order, ret, now));
  });

  app.post<{ Params: { rma: string } }>('/amazon/returns/:rma/deliver', (request) => {
    const accountId = optionalString(body(request.body), 'accountId');
    const now = ctx.clock.now();
    for (const data of amazonAccount(ctx, accountId)) {
      const found = findReturn(data, request.params.rma);
      if (!found) continue;
      if (found.ret.requestedAt > now)
        throw new ControlError(409, `return ${request.params.rma} has not been requested yet (sandbox clock)`);
      if (found.ret.receivedAt !== undefined && found.ret.receivedAt <= now)
        throw new ControlError(409, `return ${request.params.rma} was already delivered to the seller`);
      found.ret.receivedAt = now;
      ctx.changed();
      return serializeReturn(data, found.order, found.ret, now);
    }
    throw new ControlError(404, `no Amazon return ${request.params.rma}`);
  });

  app.get<{ Querystring: { accountId?: string } }>('/amazon/returns', (request) => {
    if (!request.query.accountId) throw new ControlError(400, 'accountId is required');
    const [data] = amazonAccount(ctx, request.query.accountId);
    const now = ctx.clock.now();
    const returns = [...data.amazonOrders.values()].flatMap((order) =>
      (order.returns ?? []).filter((r) => r.requestedAt <= now).map((r) => serializeReturn(data, order, r, now)),
    );
    return { returns: returns.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt)) };
  });

  app.post('/amazon/reports/faults', (request, reply) => {
    const b = body(request.body);
    const [data] = amazonAccount(ctx, requiredAccount(b));
    const outcome = b.outcome as ReportOutcome;
    if (!REPORT_OUTCOMES.includes(outcome))
      throw new ControlError(400, `outcome must be one of ${REPORT_OUTCOMES.join(', ')}`);
    const reportType = optionalString(b, 'reportType') ?? RETURNS_REPORT_TYPE;
    const times = positiveInt(b, 'times') ?? 1;
    plantReportOutcome(data, { reportType, outcome, times });
    return reply.code(201).send({ accountId: data.account.id, reportType, outcome, times });
  });

  app.post('/amazon/feeds/faults', (request, reply) => {
    const b = body(request.body);
    const [data] = amazonAccount(ctx, requiredAccount(b));
    if (b.outcome !== undefined && b.outcome !== 'FATAL') throw new ControlError(400, 'outcome must be FATAL');
    const feedType = optionalString(b, 'feedType') ?? PAYMENT_ADJUSTMENT_FEED;
    const times = positiveInt(b, 'times') ?? 1;
    plantFatalFeed(data, { feedType, times });
    return reply.code(201).send({ accountId: data.account.id, feedType, outcome: 'FATAL', times });
  });
}
