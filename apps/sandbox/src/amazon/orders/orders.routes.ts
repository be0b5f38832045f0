import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../../context';
import type { AccountData, AmazonOrder } from '../../state/types';
import { notFound } from '../errors';
import { amazonPackages } from '../../easypost/shipments';
import { applyConfirmShipment } from './confirm-shipment';
import { parseSearch, runSearch } from './search';
import { INCLUDED_DATA, type IncludedData, serializeAmazonOrder } from './serialize';
import { invalidInput } from '../errors';
import { iso } from '../validate';

type Query = Record<string, string | string[] | undefined>;

export function account(request: FastifyRequest): AccountData {
  if (!request.account) throw new Error('amazon route reached without an authenticated account');
  return request.account;
}

function findOrder(data: AccountData, orderId: string): AmazonOrder {
  const order = data.amazonOrders.get(orderId);
  if (!order) throw notFound(`Order ${orderId} not found`);
  return order;
}

function includedData(query: Query): IncludedData[] {
  const raw = query.includedData;
  const values = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((v) => v.split(',')).filter(Boolean);
  for (const v of values)
    if (!INCLUDED_DATA.includes(v as IncludedData))
      throw invalidInput(`includedData value ${v} is invalid; allowed: ${INCLUDED_DATA.join(', ')}`);
  return values as IncludedData[];
}

export function registerOrderRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get<{ Querystring: Query }>(
    '/orders/2026-01-01/orders',
    { config: { amazonOperation: 'searchOrders' } },
    (request) => {
      const q = parseSearch(request.query, ctx.clock.now());
      const { page, nextToken } = runSearch(account(request), q);
      return {
        orders: page.map((o) =>
          ctx.malformed.apply(request, 'AMAZON', o.orderId, serializeAmazonOrder(o, q.includedData)),
        ),
        ...(nextToken ? { pagination: { nextToken } } : {}),
        ...(q.by === 'created' ? { createdBefore: iso(q.before) } : { lastUpdatedBefore: iso(q.before) }),
      };
    },
  );

  app.get<{ Params: { orderId: string }; Querystring: Query }>(
    '/orders/2026-01-01/orders/:orderId',
    { config: { amazonOperation: 'getOrder' } },
    (request) => {
      const order = findOrder(account(request), request.params.orderId);
      return {
        order: ctx.malformed.apply(
          request,
          'AMAZON',
          order.orderId,
          serializeAmazonOrder(order, includedData(request.query)),
        ),
      };
    },
  );

  /** v0 getOrderAddress: name, street and phone only with a Restricted Data Token for this path. */
  app.get<{ Params: { orderId: string } }>(
    '/orders/v0/orders/:orderId/address',
    { config: { amazonOperation: 'getOrderAddress' } },
    (request) => {
      const order = findOrder(account(request), request.params.orderId);
      const a = order.address;
      const restricted = request.restrictedAccess?.some(
        (r) => r.dataElements.length === 0 || r.dataElements.includes('shippingAddress'),
      );
      const base = {
        City: a.city,
        StateOrRegion: a.stateOrRegion,
        PostalCode: a.postalCode,
        CountryCode: a.countryCode,
      };
      const full = {
        Name: a.name,
        AddressLine1: a.addressLine1,
        ...(a.addressLine2 ? { AddressLine2: a.addressLine2 } : {}),
        ...base,
        Phone: a.phone,
        AddressType: a.addressType === 'RESIDENTIAL' ? 'Residential' : 'Commercial',
      };
      return { payload: { AmazonOrderId: order.orderId, ShippingAddress: restricted ? full : base } };
    },
  );

  app.post<{ Params: { orderId: string } }>(
    '/orders/v0/orders/:orderId/shipmentConfirmation',
    { config: { amazonOperation: 'confirmShipment' } },
    (request, reply) => {
      const data = account(request);
      const draft = structuredClone(findOrder(data, request.params.orderId));
      applyConfirmShipment(draft, request.body, ctx.clock.now());
      if (!request.silentDrop) {
        data.amazonOrders.set(draft.orderId, draft);
        for (const shipped of amazonPackages(draft)) ctx.easypost.recordShipment(shipped);
        ctx.changed();
        ctx.orderEvents.emit({
          channel: 'AMAZON',
          accountId: data.account.id,
          orderId: draft.orderId,
          kind: 'CHANGED',
          at: new Date(ctx.clock.now()),
        });
      }
      return reply.code(204).send();
    },
  );
}
