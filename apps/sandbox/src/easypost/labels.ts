import { randomBytes, randomInt } from 'node:crypto';
import { type GeneratedCarrier, trackingFor } from '../generator/tracking';
import { Random } from '../random';
import { type AddressRecord, addressInput, isPoBox, undeliverable, verify } from './addresses';
import { EasyPostError, invalidParameter, notFound } from './errors';
import type { LabelFileFormat } from './label-files';
import { CARRIER_ACCOUNTS, deliveryDate, type ParcelSize, priceCents, SERVICES, zoneOf } from './rating';

const hex = () => randomBytes(16).toString('hex');
const HOUR = 3600_000;

export interface RateRecord {
  id: string;
  carrier: string;
  service: string;
  cents: number;
  retailCents: number;
  deliveryDays: number;
  deliveryDate: number;
}

export interface RateMessage {
  carrier: string;
  carrier_account_id: string;
  type: 'rate_error';
  message: string;
}

export interface ShipmentRecord {
  id: string;
  createdAt: number;
  updatedAt: number;
  reference: string | null;
  from: AddressRecord;
  to: AddressRecord;
  parcel: ParcelSize & { id: string };
  labelFormat: LabelFileFormat;
  zone: number;
  rates: RateRecord[];
  messages: RateMessage[];
  bought?: {
    rateId: string;
    trackingCode: string;
    labelId: string;
    at: number;
    trackerId: string;
    /** The formats the label was asked for (label_url is `labelFormat`; GET /label adds the others). */
    formats: LabelFileFormat[];
  };
  refund?: { status: 'submitted' | 'refunded'; at: number };
}

/** The label faults the control API plants: each affects the next `times` calls it applies to. */
export const LABEL_FAULTS = [
  'RATE_EXPIRED',
  'INSUFFICIENT_FUNDS',
  'CARRIER_ERROR',
  'ADDRESS_UNSERVICEABLE',
  'LABEL_FETCH_FAILED',
] as const;
export type LabelFault = (typeof LABEL_FAULTS)[number];

export interface LabelDeskState {
  shipments: ShipmentRecord[];
  faults: { fault: LabelFault; times: number }[];
}

/** What the desk needs from the tracker simulation: the carrier learns of a bought label's parcel. */
export interface CarrierDesk {
  labelBought(s: ShipmentRecord, rate: RateRecord, now: number): { trackerId: string };
  /** Whether the carrier has scanned the parcel (a refund is then refused). */
  scanned(carrier: string, trackingCode: string, now: number): boolean;
  labelVoided(carrier: string, trackingCode: string): void;
}

function num(v: unknown, field: string): number {
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0)
    throw invalidParameter(field, 'must be a positive number');
  return n;
}

/** `verify` / `verify_strict` ask for the check (true, or a list such as ["delivery"]). */
export const askedFor = (v: unknown) =>
  v !== undefined && v !== null && v !== false && v !== 'false' && !(Array.isArray(v) && v.length === 0);

/**
 * An address of a shipment, verified (and so standardised) when it asks for it, as EasyPost does with
 * `to_address[verify]`; a strict verification that fails refuses the shipment.
 */
function verifiedIfAsked(raw: unknown, field: string, now: number): AddressRecord {
  const given = addressInput(raw, field, now);
  const a = (raw ?? {}) as Record<string, unknown>;
  const strict = askedFor(a.verify_strict);
  if (!strict && !askedFor(a.verify)) return given;
  const checked = verify(given);
  if (strict && !checked.verification?.success)
    throw new EasyPostError(422, 'ADDRESS.VERIFY.FAILURE', 'Unable to verify address.', checked.verification?.errors);
  return checked;
}

/** The generator's carrier for EasyPost's name of it. */
const GENERATED: Readonly<Record<string, GeneratedCarrier>> = {
  USPS: 'USPS',
  UPS: 'UPS',
  FedEx: 'FedEx',
  AmazonShipping: 'AMZL_US',
};

/** The carriers' real layouts and check digits: the hub refuses a confirmation whose number fails its check digit. */
function trackingCode(carrier: string): string {
  return trackingFor(GENERATED[carrier] ?? 'UPS', new Random(randomInt(2 ** 31)));
}

/**
 * EasyPost's shipments: created with rates from the sandbox's carriers, bought (a label, a tracking code, a tracker;
 * the carrier then holds the parcel), their label converted, refunded before the carrier scans them.
 */
export class LabelDesk {
  private readonly shipments = new Map<string, ShipmentRecord>();
  private faults: { fault: LabelFault; times: number }[] = [];

  constructor(private readonly carriers: CarrierDesk) {}

  plantFault(fault: LabelFault, times: number): void {
    this.faults.push({ fault, times });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Takes one use of a planted fault of this kind, if any is left. */
  takeFault(fault: LabelFault): boolean {
    const planted = this.faults.find((f) => f.fault === fault && f.times > 0);
    if (!planted) return false;
    planted.times -= 1;
    this.faults = this.faults.filter((f) => f.times > 0);
    return true;
  }

  create(body: Record<string, unknown>, now: number): ShipmentRecord {
    const to = verifiedIfAsked(body.to_address, 'shipment.to_address', now);
    const from = verifiedIfAsked(body.from_address, 'shipment.from_address', now);
    const p = body.parcel;
    if (!p || typeof p !== 'object') throw invalidParameter('shipment.parcel', 'is required (an object)');
    const raw = p as Record<string, unknown>;
    const parcel = {
      id: `prcl_${hex()}`,
      length: num(raw.length, 'shipment.parcel.length'),
      width: num(raw.width, 'shipment.parcel.width'),
      height: num(raw.height, 'shipment.parcel.height'),
      weight: num(raw.weight, 'shipment.parcel.weight'),
    };
    const options = (body.options ?? {}) as Record<string, unknown>;
    const format = (typeof options.label_format === 'string' ? options.label_format : 'PNG').toUpperCase();
    if (format !== 'PNG' && format !== 'PDF' && format !== 'ZPL')
      throw invalidParameter('shipment.options.label_format', 'must be PNG, PDF or ZPL');
    const fromZip = (from.zip ?? '').slice(0, 5);
    const toZip = (to.zip ?? '').slice(0, 5);
    const zone = zoneOf(fromZip, toZip);
    const id = `shp_${hex()}`;
    const rates: RateRecord[] = [];
    const messages: RateMessage[] = [];
    const refuse = (carrier: string, message: string) => {
      if (!messages.some((m) => m.carrier === carrier))
        messages.push({ carrier, carrier_account_id: CARRIER_ACCOUNTS[carrier], type: 'rate_error', message });
    };
    const unserviceable = this.takeFault('ADDRESS_UNSERVICEABLE')
      ? 'The carrier does not serve the destination address'
      : undeliverable(to) && `Unable to deliver to the destination address: ${undeliverable(to)}`;
    for (const s of SERVICES) {
      if (unserviceable) {
        refuse(s.carrier, unserviceable);
        continue;
      }
      if (!s.poBox && isPoBox(to)) {
        refuse(s.carrier, `${s.carrier} does not deliver to PO boxes`);
        continue;
      }
      const cents = priceCents(s, parcel, zone);
      if (cents === null) {
        refuse(s.carrier, `The parcel is over ${s.carrier}'s weight limit for ${s.service}`);
        continue;
      }
      const days = s.days(zone);
      rates.push({
        id: `rate_${hex()}`,
        carrier: s.carrier,
        service: s.service,
        cents,
        retailCents: Math.round(cents * 1.3),
        deliveryDays: days,
        deliveryDate: deliveryDate(now, days),
      });
    }
    const shipment: ShipmentRecord = {
      id,
      createdAt: now,
      updatedAt: now,
      reference: typeof body.reference === 'string' ? body.reference : null,
      from,
      to,
      parcel,
      labelFormat: format,
      zone,
      rates,
      messages,
    };
    this.shipments.set(id, shipment);
    return shipment;
  }

  shipment(id: string): ShipmentRecord {
    const s = this.shipments.get(id);
    if (!s) throw notFound(`shipment ${id}`);
    return s;
  }

  refresh(s: ShipmentRecord, now: number): ShipmentRecord {
    // USPS takes a refund request and credits it later; the sandbox credits a day after the request.
    if (s.refund?.status === 'submitted' && now >= s.refund.at + 24 * HOUR) {
      s.refund = { status: 'refunded', at: s.refund.at };
      s.updatedAt = now;
    }
    return s;
  }

  buy(id: string, body: Record<string, unknown>, now: number): ShipmentRecord {
    const s = this.shipment(id);
    const rateId = (body.rate as Record<string, unknown> | undefined)?.id;
    if (typeof rateId !== 'string' || rateId === '') throw invalidParameter('rate.id', 'is required');
    if (s.bought) throw new EasyPostError(422, 'SHIPMENT.POSTAGE.EXISTS', 'Postage already exists for this shipment.');
    const rate = s.rates.find((r) => r.id === rateId);
    if (!rate)
      throw new EasyPostError(422, 'SHIPMENT.RATE.UNAVAILABLE', `Rate ${rateId} is not a rate of this shipment.`, [
        { field: 'rate.id', message: `${rateId} is not a rate of ${id}` },
      ]);
    if (this.takeFault('RATE_EXPIRED'))
      throw new EasyPostError(
        422,
        'SHIPMENT.RATES.UNAVAILABLE',
        'The selected rate is no longer available. Please regenerate rates for this shipment.',
      );
    if (this.takeFault('INSUFFICIENT_FUNDS'))
      throw new EasyPostError(
        402,
        'PAYMENT_REQUIRED',
        'Insufficient funds: your EasyPost balance does not cover this postage. Please add funds to your wallet.',
      );
    if (this.takeFault('CARRIER_ERROR'))
      throw new EasyPostError(
        422,
        'SHIPMENT.POSTAGE.FAILURE',
        `${rate.carrier}: the carrier could not create the label right now. Please try again later.`,
      );
    const code = trackingCode(rate.carrier);
    s.bought = { rateId, trackingCode: code, labelId: `pl_${hex()}`, at: now, trackerId: '', formats: [] };
    s.bought.trackerId = this.carriers.labelBought(s, rate, now).trackerId;
    s.updatedAt = now;
    return s;
  }

  /** GET /shipments/:id/label?file_format=: the label in another format too. */
  convert(id: string, rawFormat: unknown, now: number): ShipmentRecord {
    const s = this.shipment(id);
    if (!s.bought)
      throw new EasyPostError(422, 'SHIPMENT.POSTAGE.REQUIRED', 'The shipment has no postage label to convert.');
    const format = (typeof rawFormat === 'string' ? rawFormat : '').toUpperCase();
    if (format !== 'PDF' && format !== 'ZPL' && format !== 'PNG')
      throw new EasyPostError(422, 'SHIPMENT.POSTAGE.INVALID_FORMAT', `file_format ${format} is not PDF, ZPL or PNG.`, [
        { field: 'file_format', message: 'must be PDF, ZPL or PNG' },
      ]);
    if (!s.bought.formats.includes(format)) s.bought.formats.push(format);
    s.updatedAt = now;
    return s;
  }

  refund(id: string, now: number): ShipmentRecord {
    const s = this.refresh(this.shipment(id), now);
    if (!s.bought)
      throw new EasyPostError(422, 'SHIPMENT.REFUND.UNAVAILABLE', 'The shipment has no postage to refund.');
    if (s.refund)
      throw new EasyPostError(422, 'SHIPMENT.REFUND.UNAVAILABLE', 'A refund was already requested for this shipment.');
    const rate = s.rates.find((r) => r.id === s.bought?.rateId) as RateRecord;
    if (this.carriers.scanned(rate.carrier, s.bought.trackingCode, now))
      throw new EasyPostError(
        422,
        'SHIPMENT.REFUND.UNAVAILABLE',
        `The label cannot be refunded: ${rate.carrier} has already scanned the parcel.`,
      );
    // UPS and FedEx void an unused label at once; USPS takes the request and refunds later.
    s.refund = { status: rate.carrier === 'USPS' ? 'submitted' : 'refunded', at: now };
    s.updatedAt = now;
    this.carriers.labelVoided(rate.carrier, s.bought.trackingCode);
    return s;
  }

  byLabelId(labelId: string): ShipmentRecord | undefined {
    return [...this.shipments.values()].find((s) => s.bought?.labelId === labelId);
  }

  state(): LabelDeskState {
    return { shipments: [...this.shipments.values()], faults: this.faults };
  }

  load(state: LabelDeskState): void {
    for (const s of state.shipments) this.shipments.set(s.id, s);
    this.faults = [...state.faults];
  }
}
