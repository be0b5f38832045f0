import { mcfPackages } from '../../easypost/shipments';
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import type { AccountData, McfOrder } from '../../state/types';
import { invalidInput, notFound } from '../errors';
import { account } from '../orders/orders.routes';
import { isoDateTime } from '../validate';
import { createMcfOrder, releaseInventory } from './create';
import { MCF_FEATURES, MCF_FEATURE_NAMES } from './features';
import { preview } from './preview';
import { advanceMcfOrder } from './progress';
import { serializeMcfOrder, serializeTracking } from './serialize';

const BASE = '/fba/outbound/2020-07-01';
const CANCELLABLE = new Set(['New', 'Received', 'Planning']);

function findOrder(data: AccountData, id: string): McfOrder {
  const order = data.mcfOrders.get(id);
  if (!order) throw notFound(`Fulfillment order ${id} not found`);
  return order;
}

function requireMarketplace(data: AccountData, marketplaceId: string | undefined): void {
  if (!marketplaceId) throw invalidInput('marketplaceId is required');
  if (marketplaceId !== data.account.amazon?.marketplaceId)
    throw invalidInput(`marketplaceId ${marketplaceId} is not a marketplace of this seller`);
}

export function registerMcfRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get<{ Querystring: { marketplaceId?: string } }>(
    `${BASE}/features`,
    { config: { amazonOperation: 'getFeatures' } },
    (request) => {
      requireMarketplace(account(request), request.query.marketplaceId);
      return { payload: { features: MCF_FEATURES.map((f) => ({ ...f, sellerEligible: true })) } };
    },
  );

  app.get<{ Params: { featureName: string; sellerSku: string }; Querystring: { marketplaceId?: string } }>(
    `${BASE}/features/inventory/:featureName/:sellerSku`,
    { config: { amazonOperation: 'getFeatureSKU' } },
    (request) => {
      const data = account(request);
      requireMarketplace(data, request.query.marketplaceId);
      if (!MCF_FEATURE_NAMES.includes(request.params.featureName))
        throw invalidInput(`featureName ${request.params.featureName} is not a fulfillment feature`);
      const known = data.inventory.has(request.params.sellerSku);
      return {
        payload: {
          marketplaceId: request.query.marketplaceId,
          featureName: request.params.featureName,
          isEligible: known,
          ...(known
            ? { sellerSku: request.params.sellerSku, skuCount: data.inventory.get(request.params.sellerSku) }
            : { ineligibleReasons: ['INVALID_SKU'] }),
        },
      };
    },
  );

  app.post(
    `${BASE}/fulfillmentOrders/preview`,
    { config: { amazonOperation: 'getFulfillmentPreview' } },
    (request) => ({
      payload: preview(account(request), request.body, ctx.clock.now()),
    }),
  );

  app.post(`${BASE}/fulfillmentOrders`, { config: { amazonOperation: 'createFulfillmentOrder' } }, (request) => {
    const data = account(request);
    const draftData = request.silentDrop ? structuredClone(data) : data;
    const order = createMcfOrder(draftData, request.body, ctx.clock.now());
    if (order && !request.silentDrop) {
      data.mcfOrders.set(order.sellerFulfillmentOrderId, order);
      ctx.changed();
    }
    return {};
  });

  app.get<{ Querystring: { queryStartDate?: string; nextToken?: string } }>(
    `${BASE}/fulfillmentOrders`,
    { config: { amazonOperation: 'listAllFulfillmentOrders' } },
    (request) => {
      const data = account(request);
      const since = request.query.queryStartDate
        ? isoDateTime(request.query.queryStartDate, 'queryStartDate')
        : ctx.clock.now() - 36 * 3600 * 1000;
      const orders = [...data.mcfOrders.values()]
        .filter((o) => o.statusUpdatedDate >= since)
        .sort((a, b) => a.receivedDate - b.receivedDate);
      const offset = request.query.nextToken ? Number(Buffer.from(request.query.nextToken, 'base64url').toString()) : 0;
      if (!Number.isInteger(offset) || offset < 0) throw invalidInput('Invalid nextToken');
      const page = orders.slice(offset, offset + 50);
      const more = offset + 50 < orders.length;
      return {
        payload: {
          ...(more ? { nextToken: Buffer.from(String(offset + 50)).toString('base64url') } : {}),
          fulfillmentOrders: page.map((o) => serializeMcfOrder(o).fulfillmentOrder),
        },
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    `${BASE}/fulfillmentOrders/:id`,
    { config: { amazonOperation: 'getFulfillmentOrder' } },
    (request) => ({
      payload: serializeMcfOrder(findOrder(account(request), request.params.id)),
    }),
  );

  app.put<{ Params: { id: string } }>(
    `${BASE}/fulfillmentOrders/:id/cancel`,
    { config: { amazonOperation: 'cancelFulfillmentOrder' } },
    (request) => {
      const data = account(request);
      const order = findOrder(data, request.params.id);
      advanceMcfOrder(data, order, ctx.clock.now(), (shipped) => {
        for (const p of mcfPackages(shipped)) ctx.easypost.recordShipment(p);
      });
      if (order.status === 'Cancelled') return {};
      if (!CANCELLABLE.has(order.status)) {
        throw invalidInput(
          `Fulfillment order ${order.sellerFulfillmentOrderId} is ${order.status} and can no longer be cancelled; cancellation is possible only until Planning`,
        );
      }
      if (!request.silentDrop) {
        releaseInventory(data, order);
        order.status = 'Cancelled';
        order.statusUpdatedDate = ctx.clock.now();
        ctx.changed();
      }
      return {};
    },
  );

  app.get<{ Querystring: { packageNumber?: string } }>(
    `${BASE}/tracking`,
    { config: { amazonOperation: 'getPackageTrackingDetails' } },
    (request) => {
      const data = account(request);
      const raw = request.query.packageNumber;
      if (!raw || !/^\d+$/.test(raw)) throw invalidInput('packageNumber is required and must be an integer');
      for (const order of data.mcfOrders.values()) {
        for (const shipment of order.shipments) {
          const pkg = shipment.packages.find((p) => p.packageNumber === Number(raw));
          if (pkg) return { payload: serializeTracking(order, pkg, shipment.shippingDate, ctx.clock.now()) };
        }
      }
      throw notFound(`Package ${raw} not found`);
    },
  );
}
