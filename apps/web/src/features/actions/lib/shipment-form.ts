import {
  CARRIER_FORMATS,
  CARRIER_LABELS,
  channelCarrierName,
  checkTrackingNumber,
  openUnits,
  policyFor,
  validateShipment,
} from '@order-hub/rules';
import {
  CARRIER_CODES,
  type CarrierCode,
  type Channel,
  type PackageType,
  type ShipmentInput as RulesShipmentInput,
} from '@order-hub/types';
import type { ShipmentInput } from '@/gql/graphql';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { orderSnapshot } from './order-snapshot';
import type { ViolationLike } from './violation-fields';

/** What the ship dialog holds, as typed (quantities and measures are strings until sent). */
export interface ShipmentFormValues {
  /** Units to ship per line number; a line at 0 (or empty) is left out. */
  quantities: Record<string, string>;
  carrier: CarrierCode;
  carrierName: string;
  service: string;
  trackingNumber: string;
  trackingUrl: string;
  /** `datetime-local` value, in the browser's time zone. */
  shippedAt: string;
  packageType: PackageType;
  weightOz: string;
  lengthIn: string;
  widthIn: string;
  heightIn: string;
  /** Walmart: ship lines the buyer asked to cancel anyway. */
  intentToCancelOverride: boolean;
}

/** Inputs a violation's field may name (see violationsByField). */
export const SHIPMENT_INPUTS = [
  'carrier',
  'carrierName',
  'service',
  'trackingNumber',
  'trackingUrl',
  'shippedAt',
  'lines',
  'package.type',
  'package.weightOz',
  'package.lengthIn',
  'package.widthIn',
  'package.heightIn',
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as a `datetime-local` value in the browser's time zone, to the second (a new order may be seconds old). */
export function toLocalInput(date: Date): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Defaults: every open unit, UPS, shipped now, a parcel. */
export function initialShipmentForm(order: OrderDetail, now: Date): ShipmentFormValues {
  return {
    quantities: Object.fromEntries(order.lines.map((line) => [line.lineNumber, String(openUnits(line))])),
    carrier: 'UPS',
    carrierName: '',
    service: '',
    trackingNumber: '',
    trackingUrl: '',
    shippedAt: toLocalInput(now),
    packageType: 'PARCEL',
    weightOz: '',
    lengthIn: '',
    widthIn: '',
    heightIn: '',
    intentToCancelOverride: false,
  };
}

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

/** A typed measure: null when empty, NaN when not a number (the rules say so). */
function measure(value: string): number | null {
  return value.trim() === '' ? null : Number(value);
}

/** The lines the operator ships: those with a quantity other than 0, in the order's order. */
export function sentLines(values: ShipmentFormValues): { lineNumber: string; quantity: number }[] {
  return Object.entries(values.quantities)
    .filter(([, quantity]) => quantity.trim() !== '' && Number(quantity) !== 0)
    .map(([lineNumber, quantity]) => ({ lineNumber, quantity: Number(quantity) }));
}

/** The ship date as an instant; an unreadable value gives an invalid Date, which the rules never accept. */
export function shippedAtOf(values: ShipmentFormValues): Date {
  return new Date(values.shippedAt);
}

function packageOf(values: ShipmentFormValues) {
  const dims = {
    weightOz: measure(values.weightOz),
    lengthIn: measure(values.lengthIn),
    widthIn: measure(values.widthIn),
    heightIn: measure(values.heightIn),
  };
  const described = values.packageType !== 'PARCEL' || Object.values(dims).some((v) => v !== null);
  return described ? { type: values.packageType, ...dims } : null;
}

/** The GraphQL `ShipmentInput` for confirmShipment / validateShipment. */
export function toShipmentInput(order: OrderDetail, values: ShipmentFormValues): ShipmentInput {
  const shippedAt = shippedAtOf(values);
  return {
    orderId: order.id,
    expectedVersion: order.version,
    lines: sentLines(values),
    carrier: values.carrier,
    carrierName: values.carrier === 'OTHER' ? optional(values.carrierName) : null,
    service: optional(values.service),
    trackingNumber: values.trackingNumber.trim(),
    trackingUrl: optional(values.trackingUrl),
    shippedAt: Number.isNaN(shippedAt.getTime()) ? values.shippedAt : shippedAt.toISOString(),
    package: packageOf(values),
    ...(values.intentToCancelOverride && { intentToCancelOverride: true }),
  };
}

/** The same shipment as `@order-hub/rules` takes it, with the order's snapshot. */
export function toRulesInput(order: OrderDetail, values: ShipmentFormValues): RulesShipmentInput {
  const input = toShipmentInput(order, values);
  return {
    channel: order.channel,
    order: orderSnapshot(order),
    lines: input.lines,
    carrier: input.carrier,
    carrierName: input.carrierName ?? null,
    service: input.service ?? null,
    trackingNumber: input.trackingNumber,
    trackingUrl: input.trackingUrl ?? null,
    shippedAt: shippedAtOf(values),
    package: input.package ?? null,
  };
}

/** The policy in force for the order's account, or null when the rules know none (the server still checks). */
export function policyOf(channel: Channel, marketplace: string, now: Date) {
  try {
    return policyFor(channel, marketplace, now);
  } catch {
    return null;
  }
}

/** Every rule the shipment breaks, computed in the browser as the operator types. */
export function liveShipmentViolations(
  order: OrderDetail,
  values: ShipmentFormValues,
  now: Date,
  existingShipment: { confirmedAt: Date } | null = null,
): ViolationLike[] {
  const policy = policyOf(order.channel, order.account.marketplace, now);
  if (!policy) return [];
  return validateShipment(toRulesInput(order, values), { now, policy, existingShipment });
}

export interface CarrierOption {
  code: CarrierCode;
  label: string;
  /** False when the channel has no name for it (Amazon Logistics on Walmart): still offered, so the rule explains itself. */
  accepted: boolean;
}

/** Every hub carrier, with whether the channel takes it by name; OTHER last. */
export function carrierOptions(channel: Channel): CarrierOption[] {
  return CARRIER_CODES.map((code) => ({
    code,
    label: code === 'OTHER' ? 'Other (name it)' : CARRIER_LABELS[code],
    accepted: code === 'OTHER' || channelCarrierName(channel, code) !== null,
  }));
}

/**
 * The format hint under the tracking input: the format the number matches (from checkTrackingNumber's
 * `format`), or before that the formats the carrier issues. Null for OTHER.
 */
export function trackingFormatHint(trackingNumber: string, carrier: CarrierCode): string | null {
  if (carrier === 'OTHER') return null;
  if (trackingNumber.trim() !== '') {
    const check = checkTrackingNumber(trackingNumber, carrier);
    const format = CARRIER_FORMATS.find((f) => f.id === check.format);
    if (format && check.valid) {
      return `${format.name} number${check.hasCheckDigit ? ', check digit correct' : ' (no check digit to verify)'}.`;
    }
  }
  const names = CARRIER_FORMATS.filter((f) => f.carriers.includes(carrier) && !f.id.includes('_ZIP')).map(
    (f) => f.name,
  );
  return names.length > 0 ? `${CARRIER_LABELS[carrier]} formats: ${names.join('; ')}.` : null;
}
