import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { addressInput, addressJson, verify } from './addresses';
import { EasyPostError, invalidParameter, notFound } from './errors';
import { LABEL_FILE_TYPES, labelFile } from './label-files';
import { parseLabelFile, shipmentJson } from './label-serialize';
import { askedFor, type ShipmentRecord } from './labels';

/** Where label files are served: EasyPost hands out file-host URLs that need no API key. */
export const FILES_PATH = '/files';

function body(request: FastifyRequest): Record<string, unknown> {
  const b = request.body;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

function wrapped(request: FastifyRequest, name: string): Record<string, unknown> {
  const inner = body(request)[name];
  if (!inner || typeof inner !== 'object' || Array.isArray(inner))
    throw invalidParameter(name, 'is required (an object)');
  return inner as Record<string, unknown>;
}

function oneLine(a: { street1: string | null; city: string | null; state: string | null; zip: string | null }) {
  return [a.street1, [a.city, a.state].filter(Boolean).join(', '), a.zip].filter(Boolean).join(' ');
}

/** EasyPost's Shipment and Address calls (labels and address verification) under /easypost/v2, and the label files. */
export function labelRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const sim = ctx.easypost;
  const desk = sim.labels;
  const now = () => ctx.clock.now();
  const filesBase = (request: FastifyRequest) =>
    `${request.protocol}://${request.headers.host ?? '127.0.0.1'}/easypost${FILES_PATH}`;
  const json = (request: FastifyRequest, s: ShipmentRecord) => {
    desk.refresh(s, now());
    const tracker = s.bought ? sim.json(sim.tracker(s.bought.trackerId), now()) : null;
    return shipmentJson(s, tracker, sim.mode, filesBase(request));
  };
  const changed = <T>(value: T): T => {
    ctx.changed();
    return value;
  };

  app.post('/v2/shipments', (request, reply) => {
    const s = desk.create(wrapped(request, 'shipment'), now());
    return reply.code(201).send(changed(json(request, s)));
  });
  app.get<{ Params: { id: string } }>('/v2/shipments/:id', (request) =>
    json(request, desk.shipment(request.params.id)),
  );
  app.post<{ Params: { id: string } }>('/v2/shipments/:id/buy', (request) =>
    changed(json(request, desk.buy(request.params.id, body(request), now()))),
  );
  app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(
    '/v2/shipments/:id/label',
    (request) => changed(json(request, desk.convert(request.params.id, request.query.file_format, now()))),
  );
  app.post<{ Params: { id: string } }>('/v2/shipments/:id/refund', (request) =>
    changed(json(request, desk.refund(request.params.id, now()))),
  );

  app.post('/v2/addresses', (request, reply) => {
    const b = body(request);
    const given = addressInput(b.address, 'address', now());
    const strict = askedFor(b.verify_strict);
    if (!askedFor(b.verify) && !strict) return reply.code(201).send(addressJson(given, sim.mode));
    const checked = verify(given);
    if (strict && !checked.verification?.success)
      throw new EasyPostError(422, 'ADDRESS.VERIFY.FAILURE', 'Unable to verify address.', [
        ...(checked.verification?.errors ?? []).map((e) => ({ ...e, message: `${e.message}: ${oneLine(given)}` })),
      ]);
    return reply.code(201).send(addressJson(checked, sim.mode));
  });

  app.get<{ Params: { name: string } }>(`${FILES_PATH}/postage_label/:name`, (request, reply) => {
    const file = parseLabelFile(request.params.name);
    const s = file ? desk.byLabelId(file.labelId) : undefined;
    if (!file || !s?.bought) throw notFound(`label file ${request.params.name}`);
    if (file.format !== s.labelFormat && !s.bought.formats.includes(file.format))
      throw notFound(`label file ${request.params.name} (convert the label to ${file.format} first)`);
    if (desk.takeFault('LABEL_FETCH_FAILED'))
      return reply.code(500).type('text/plain').send('The label file could not be read. Please try again.');
    const rate = s.rates.find((r) => r.id === s.bought?.rateId);
    const address = (a: typeof s.to) =>
      [a.name, a.company, a.street1, a.street2, `${a.city ?? ''} ${a.state ?? ''} ${a.zip ?? ''}`.trim()].filter(
        (l): l is string => !!l,
      );
    const content = labelFile(file.format, {
      carrier: rate?.carrier ?? '',
      service: rate?.service ?? '',
      trackingCode: s.bought.trackingCode,
      from: address(s.from),
      to: address(s.to),
    });
    return reply.type(LABEL_FILE_TYPES[file.format]).send(content);
  });
}
