import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { easypostCarrier } from '../easypost/carriers';
import { LABEL_FAULTS, type LabelFault } from '../easypost/labels';
import { type EasyPostPlace, PARCEL_FAULTS, type ParcelFault, type ParcelFaultSpec } from '../easypost/types';
import { ControlError } from './service';

type Body = Record<string, unknown>;

function object(value: unknown, field: string): Body {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new ControlError(400, `${field} must be a JSON object`);
  return value as Body;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new ControlError(400, `${field} must be a non-empty string`);
  return value.trim();
}

function carrierName(value: unknown, field: string): string {
  const raw = text(value, field);
  if (!easypostCarrier(raw))
    throw new ControlError(
      400,
      `${field} ${raw} is not a carrier the sandbox's EasyPost tracks (USPS, UPS, FedEx, FedExSmartPost, UPSMailInnovations, DHLExpress, DhlEcs, AmazonShipping, OnTrac, LaserShipV2)`,
    );
  return raw;
}

/** `{ city, state, zip, country? }`: a US ZIP5 (ZIP+4 is cut to five), two-letter state. */
export function placeInput(value: unknown, field: string): EasyPostPlace {
  const b = object(value, field);
  const zip = text(b.zip, `${field}.zip`);
  if (!/^\d{5}(-?\d{4})?$/.test(zip))
    throw new ControlError(400, `${field}.zip must be a US ZIP (12345 or 12345-6789)`);
  const state = text(b.state, `${field}.state`);
  if (!/^[A-Za-z]{2}$/.test(state)) throw new ControlError(400, `${field}.state must be a two-letter state code`);
  const country = b.country === undefined ? 'US' : text(b.country, `${field}.country`);
  return {
    city: text(b.city, `${field}.city`).toUpperCase(),
    state: state.toUpperCase(),
    zip: zip.slice(0, 5),
    country,
  };
}

export function faultInput(value: unknown, field: string): ParcelFaultSpec {
  const b = object(value, field);
  const fault = b.fault;
  if (typeof fault !== 'string' || !PARCEL_FAULTS.includes(fault as ParcelFault))
    throw new ControlError(400, `${field}.fault must be one of ${PARCEL_FAULTS.join(', ')}`);
  const spec: ParcelFaultSpec = { fault: fault as ParcelFault };
  if (b.lateByHours !== undefined) {
    if (fault !== 'LATE_FIRST_SCAN')
      throw new ControlError(400, `${field}.lateByHours applies only to LATE_FIRST_SCAN`);
    if (typeof b.lateByHours !== 'number' || !(b.lateByHours > 0) || b.lateByHours > 24 * 60)
      throw new ControlError(400, `${field}.lateByHours must be a number of hours above 0 and at most 1440`);
    spec.lateByHours = b.lateByHours;
  }
  if (b.deliveredTo !== undefined) {
    if (fault !== 'DELIVERED_ELSEWHERE')
      throw new ControlError(400, `${field}.deliveredTo applies only to DELIVERED_ELSEWHERE`);
    spec.deliveredTo = placeInput(b.deliveredTo, `${field}.deliveredTo`);
  }
  return spec;
}

function instant(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  const at = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(at)) throw new ControlError(400, `${field} must be an ISO date-time or epoch milliseconds`);
  return at;
}

/**
 * Control of the EasyPost simulator under /_sandbox/easypost: parcels the carriers hold (and their faults), and the
 * webhook posts (made on demand here with a fixed clock; on a timer with a real one).
 */
export function registerEasyPostControl(app: FastifyInstance, ctx: SandboxContext): void {
  const sim = ctx.easypost;

  app.post('/easypost/parcels', (request, reply) => {
    const b = object(request.body ?? {}, 'body');
    const parcel = sim.newParcel({
      carrier: carrierName(b.carrier, 'carrier'),
      trackingCode: text(b.trackingCode, 'trackingCode').replace(/\s+/g, '').toUpperCase(),
      shippedAt: instant(b.shippedAt, 'shippedAt', ctx.clock.now()),
      ...(b.shipTo !== undefined ? { shipTo: placeInput(b.shipTo, 'shipTo') } : {}),
      ...(b.origin !== undefined ? { origin: placeInput(b.origin, 'origin') } : {}),
      ...(b.fault !== undefined && b.fault !== null ? { fault: faultInput(b.fault, 'fault') } : {}),
    });
    ctx.changed();
    return reply.code(201).send(parcel);
  });

  app.get<{ Params: { carrier: string; trackingCode: string } }>(
    '/easypost/parcels/:carrier/:trackingCode',
    (request) => {
      const parcel = sim.parcel(request.params.carrier, request.params.trackingCode);
      if (!parcel)
        throw new ControlError(
          404,
          `no ${request.params.carrier} parcel with tracking code ${request.params.trackingCode}`,
        );
      return parcel;
    },
  );

  app.put<{ Params: { carrier: string; trackingCode: string } }>(
    '/easypost/parcels/:carrier/:trackingCode/fault',
    (request) => {
      const b = object(request.body ?? {}, 'body');
      const spec = b.fault === null ? null : faultInput(b, 'body');
      const parcel = sim.setFault(request.params.carrier, request.params.trackingCode, spec);
      if (!parcel)
        throw new ControlError(
          404,
          `no ${request.params.carrier} parcel with tracking code ${request.params.trackingCode}`,
        );
      sim.refresh(ctx.clock.now());
      ctx.changed();
      return parcel;
    },
  );

  app.post('/easypost/webhooks/deliver', async () => {
    const counts = await sim.deliverDue(ctx.clock.now());
    ctx.changed();
    return counts;
  });

  app.get('/easypost/webhooks/deliveries', () => ({ deliveries: sim.hooks.deliveries() }));

  /** Label faults: the next `times` (default 1) shipment creations, purchases or label downloads they apply to fail. */
  app.post('/easypost/label-faults', (request, reply) => {
    const b = object(request.body ?? {}, 'body');
    if (typeof b.fault !== 'string' || !(LABEL_FAULTS as readonly string[]).includes(b.fault))
      throw new ControlError(400, `fault must be one of ${LABEL_FAULTS.join(', ')}`);
    const times = b.times === undefined ? 1 : b.times;
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 1)
      throw new ControlError(400, 'times must be a positive integer');
    sim.labels.plantFault(b.fault as LabelFault, times);
    ctx.changed();
    return reply.code(201).send({ fault: b.fault, times });
  });
  app.delete('/easypost/label-faults', () => {
    sim.labels.clearFaults();
    ctx.changed();
    return { cleared: true };
  });
}
