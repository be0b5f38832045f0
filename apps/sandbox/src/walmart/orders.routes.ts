import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { walmartPackages } from '../easypost/shipments';
import type { AccountData, WalmartOrder } from '../state/types';
import { applyAcknowledge, applyCancellation } from './cancel';
import { WalmartError } from './errors';
import { trackWalmartDeadline } from './lifecycle';
import { matchesQuery, nextCursor, notFound, parseListQuery } from './list';
import { applyRefund } from './refund';
import { serializeWalmartOrder } from './serialize';
import { applyShipment } from './ship';

type Query = Record<string, string | string[] | undefined>;
type PoParams = { purchaseOrderId: string };

function account(request: FastifyRequest): AccountData {
  if (!request.account) throw new Error('walmart route reached without an authenticated account');
  return request.account;
}

function findOrder(data: AccountData, purchaseOrderId: string): WalmartOrder {
  const order = data.walmartOrders.get(purchaseOrderId);
  if (!order) {
    throw new WalmartError(
      404,
      'CONTENT_NOT_FOUND.GMP_ORDER_API',
      'purchaseOrderId',
      `Failed when called getAnOrder. Order not found for purchaseOrderId ${purchaseOrderId}`,
      'DATA',
      'INFO',
    );
  }
  return order;
}

function listOrders(ctx: SandboxContext, request: FastifyRequest<{ Querystring: Query }>, released: boolean) {
  const data = account(request);
  const now = ctx.clock.now();
  const q = parseListQuery(request.query, now, released);
  const matches = [...data.walmartOrders.values()]
    .filter((o) => matchesQuery(o, q, released))
    .sort((a, b) => b.orderDate - a.orderDate || a.purchaseOrderId.localeCompare(b.purchaseOrderId));
  const page = matches.slice(q.offset, q.offset + q.limit);
  if (page.length === 0) throw notFound(released ? 'getAllReleasedOrders' : 'getAllOrders');
  const cursor = nextCursor(q, matches.length, data.account.walmart?.sellerId ?? '0');
  return {
    list: {
      meta: { totalCount: matches.length, limit: q.limit, ...(cursor ? { nextCursor: cursor } : {}) },
      elements: {
        order: page.map((o) =>
          ctx.malformed.apply(
            request,
            'WALMART',
            o.purchaseOrderId,
            serializeWalmartOrder(o, { productInfo: q.productInfo, replacementInfo: q.replacementInfo }),
          ),
        ),
      },
    },
  };
}

/**
 * Every write runs on a copy of the order and replaces it only when the whole request is valid, so a
 * rejected request changes nothing; an injected silent drop answers the same way but keeps the old order.
 */
function write(
  ctx: SandboxContext,
  request: FastifyRequest<{ Params: PoParams }>,
  change: (order: WalmartOrder, now: number) => void,
) {
  const data = account(request);
  const draft = structuredClone(findOrder(data, request.params.purchaseOrderId));
  change(draft, ctx.clock.now());
  if (!request.silentDrop) {
    data.walmartOrders.set(draft.purchaseOrderId, draft);
    trackWalmartDeadline(data, draft);
    for (const shipped of walmartPackages(draft)) ctx.easypost.recordShipment(shipped);
    ctx.changed();
  }
  return { order: serializeWalmartOrder(draft) };
}

export function registerWalmartOrderRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get<{ Querystring: Query }>('/v3/orders', { config: { walmartGroup: 'orders.list' } }, (request) =>
    listOrders(ctx, request, false),
  );
  app.get<{ Querystring: Query }>('/v3/orders/released', { config: { walmartGroup: 'orders.list' } }, (request) =>
    listOrders(ctx, request, true),
  );

  app.get<{ Params: PoParams; Querystring: Query }>(
    '/v3/orders/:purchaseOrderId',
    { config: { walmartGroup: 'orders.get' } },
    (request) => {
      const order = findOrder(account(request), request.params.purchaseOrderId);
      return {
        order: ctx.malformed.apply(
          request,
          'WALMART',
          order.purchaseOrderId,
          serializeWalmartOrder(order, {
            productInfo: request.query.productInfo === 'true',
            replacementInfo: request.query.replacementInfo === 'true',
          }),
        ),
      };
    },
  );

  app.post<{ Params: PoParams }>(
    '/v3/orders/:purchaseOrderId/acknowledge',
    { config: { walmartGroup: 'orders.acknowledge' } },
    (request) => write(ctx, request, (order, now) => applyAcknowledge(order, now)),
  );
  app.post<{ Params: PoParams }>(
    '/v3/orders/:purchaseOrderId/shipping',
    { config: { walmartGroup: 'orders.ship' } },
    (request) => write(ctx, request, (order, now) => applyShipment(order, request.body, now)),
  );
  app.post<{ Params: PoParams }>(
    '/v3/orders/:purchaseOrderId/cancel',
    { config: { walmartGroup: 'orders.cancel' } },
    (request) => write(ctx, request, (order, now) => applyCancellation(order, request.body, now)),
  );
  app.post<{ Params: PoParams }>(
    '/v3/orders/:purchaseOrderId/refund',
    { config: { walmartGroup: 'orders.refund' } },
    (request) => write(ctx, request, (order, now) => applyRefund(order, request.body, now)),
  );
}
