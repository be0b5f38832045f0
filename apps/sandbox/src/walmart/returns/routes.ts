import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../../context';
import type { AccountData } from '../../state/types';
import { WalmartError } from '../errors';
import { findReturn, lastModified, returnsChanged, visibleReturns } from './lifecycle';
import { matchesReturn, parseReturnsQuery, returnsCursor } from './list';
import { applyReturnRefund } from './refund';
import { serializeReturn } from './serialize';

type Query = Record<string, string | string[] | undefined>;
type ReturnParams = { returnOrderId: string };

function account(request: FastifyRequest): AccountData {
  if (!request.account) throw new Error('walmart route reached without an authenticated account');
  return request.account;
}

function returnNotFound(returnOrderId: string): WalmartError {
  return new WalmartError(
    404,
    'CONTENT_NOT_FOUND.GMP_ORDER_API',
    'returnOrderId',
    `Return order not found for returnOrderId ${returnOrderId}`,
    'DATA',
    'INFO',
  );
}

/** GET /v3/returns (newest return first, offset paging through nextCursor) and POST /v3/returns/{id}/refund. */
export function registerWalmartReturnRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get<{ Querystring: Query }>('/v3/returns', { config: { walmartGroup: 'returns.list' } }, (request) => {
    const data = account(request);
    const now = ctx.clock.now();
    const q = parseReturnsQuery(request.query);
    const matches = visibleReturns(data, now)
      .map((r) => r.ret)
      .filter((ret) => matchesReturn(ret, q, now))
      .sort(
        (a, b) =>
          b.returnOrderDate - a.returnOrderDate ||
          lastModified(b, now) - lastModified(a, now) ||
          a.returnOrderId.localeCompare(b.returnOrderId),
      );
    return {
      meta: {
        totalCount: matches.length,
        limit: q.limit,
        nextCursor: returnsCursor(q, matches.length, data.account.walmart?.sellerId ?? '0'),
      },
      returnOrders: matches
        .slice(q.offset, q.offset + q.limit)
        .map((ret) => serializeReturn(ret, now, { replacementInfo: q.replacementInfo })),
    };
  });

  // The refund runs on a copy of the purchase order (which holds its returns) and replaces it only when the whole
  // request is valid; an injected silent drop answers the same way but keeps the old order.
  app.post<{ Params: ReturnParams }>(
    '/v3/returns/:returnOrderId/refund',
    { config: { walmartGroup: 'returns.refund' } },
    (request) => {
      const data = account(request);
      const now = ctx.clock.now();
      const found = findReturn(data, request.params.returnOrderId, now);
      if (!found) throw returnNotFound(request.params.returnOrderId);
      const draft = structuredClone(found.order);
      const ret = draft.returns?.find((r) => r.returnOrderId === found.ret.returnOrderId);
      if (!ret) throw returnNotFound(request.params.returnOrderId);
      const answer = applyReturnRefund(draft, ret, request.body, now);
      if (!request.silentDrop) {
        data.walmartOrders.set(draft.purchaseOrderId, draft);
        returnsChanged(data);
        ctx.changed();
      }
      return answer;
    },
  );
}
