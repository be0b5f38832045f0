import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../../context';
import { AmazonError, invalidInput } from '../errors';
import { account } from '../orders/orders.routes';
import { takeShippingFault } from './state';
import { FORMATS, type Format, type PurchaseBody, type RatesBody, getRates } from './shipping-rates';
import { cancel, documentDetail, findShipment, purchase, tracking } from './shipping-shipments';

const BASE = '/shipping/v2';

const header = (request: FastifyRequest, name: string) => {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export function registerShippingRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post(`${BASE}/shipments/rates`, { config: { amazonOperation: 'getRates' } }, (request) =>
    getRates(ctx, account(request), request.body as RatesBody),
  );

  app.post(`${BASE}/shipments`, { config: { amazonOperation: 'purchaseShipment' } }, (request) =>
    purchase(ctx, account(request), request.body as PurchaseBody, header(request, 'x-amzn-idempotencykey')),
  );

  app.get<{ Params: { shipmentId: string }; Querystring: Record<string, string | undefined> }>(
    `${BASE}/shipments/:shipmentId/documents`,
    { config: { amazonOperation: 'getShipmentDocuments' } },
    (request) => {
      const data = account(request);
      const s = findShipment(data, request.params.shipmentId);
      const q = request.query;
      if (q.packageClientReferenceId !== s.packageClientReferenceId)
        throw invalidInput(
          `packageClientReferenceId ${q.packageClientReferenceId} is not a package of shipment ${s.shipmentId}`,
        );
      const format = (q.format ?? s.format).toUpperCase() as Format;
      if (!FORMATS.includes(format)) throw invalidInput(`format must be one of: ${FORMATS.join(', ')}`);
      if (s.cancelledAt !== undefined) throw invalidInput(`Shipment ${s.shipmentId} is cancelled; it has no label`);
      if (takeShippingFault(data, 'DOCUMENT_FAILURE'))
        throw new AmazonError(500, 'InternalFailure', 'The label document could not be generated. Please try again.');
      return { payload: { shipmentId: s.shipmentId, packageDocumentDetail: documentDetail(s, format) } };
    },
  );

  app.put<{ Params: { shipmentId: string } }>(
    `${BASE}/shipments/:shipmentId/cancel`,
    { config: { amazonOperation: 'cancelShipment' } },
    (request) => cancel(ctx, account(request), request.params.shipmentId),
  );

  app.get<{ Querystring: { trackingId: string; carrierId: string } }>(
    `${BASE}/tracking`,
    { config: { amazonOperation: 'getTracking' } },
    (request) => tracking(ctx, account(request), request.query.trackingId, request.query.carrierId),
  );
}
