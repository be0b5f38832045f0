import { channelLabel } from '../channels/channel-profile';
import { isCarrierCode, type PackageInput, type ShipmentInput, type Violation } from '@order-hub/types';
import { carrierNamed, channelCarrierName } from '../carriers/channel-carrier-name';
import { isValidTrackingExempt, sortedDimensions } from '../exemptions/valid-tracking-exemption';
import { checkQuantity, openQuantity, resolveLines } from '../lines/requested-lines';
import { ENVELOPE_LIMITS, type ChannelPolicy } from '../policy/policy-table';
import { CARRIER_LABELS, listLabels } from '../carriers/carrier-labels';
import { checkTrackingNumber, cleanTrackingNumber, type TrackingCheck } from '../tracking/check-tracking-number';
import { handoffPickupCarriers } from '../tracking/handoff-services';
import { violation } from '../violations/catalogue';
import { amazonLogisticsOnWalmart } from './amazon-logistics';

/** A confirmed shipment elsewhere that carried a tracking number. */
export interface TrackingUse {
  trackingNumber: string;
  channelOrderId: string;
  usedAt: Date;
}

export interface ShipmentContext {
  now: Date;
  /** The channel policy in force (policyFor at `now`). */
  policy: ChannelPolicy;
  /** Recent shipments with the same tracking number (the api looks them up; other orders only count). */
  recentTrackingUses?: readonly TrackingUse[];
  /** Set when the input corrects the tracking of a shipment already confirmed. */
  existingShipment?: { confirmedAt: Date } | null;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const HTTP_URL = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+[^\s]*$/i;
/** Walmart's list of characters a tracking number may not contain (Valid-tracking-number-policy). */
const WALMART_SPECIAL = /[~`!@#$%^&*()_\-+={[}\]|\\:;"'<,>.?/]/;

/**
 * Every rule a shipment confirmation (or a tracking correction) breaks, for the channel and the policy in
 * force. An empty list means the channel should accept it and count its tracking as valid.
 */
export function validateShipment(input: ShipmentInput, context: ShipmentContext): Violation[] {
  const violations: Violation[] = [];
  const { order, channel } = input;
  const { policy, now } = context;
  const editing = Boolean(context.existingShipment);

  if (!editing) checkOrderStatus(input, violations);
  const lines = resolveLines(input.lines, order, violations, null);
  if (!editing) {
    lines.forEach((line, i) => {
      if (line)
        checkQuantity(input.lines[i].quantity, openQuantity(line), line.lineNumber, `lines[${i}].quantity`, violations);
    });
  }

  const knownCarrier = isCarrierCode(input.carrier);
  if (!knownCarrier) {
    violations.push(
      violation(
        'CARRIER_NOT_ACCEPTED',
        'carrier',
        `${String(input.carrier)} is not a carrier the hub knows; choose OTHER and name it.`,
      ),
    );
  }
  // Other with a name the hub knows ("ups", "FedEx SmartPost") is checked as that carrier.
  const carrier = !knownCarrier
    ? 'OTHER'
    : input.carrier === 'OTHER'
      ? (carrierNamed(input.carrierName) ?? 'OTHER')
      : input.carrier;
  const normalized = cleanTrackingNumber(input.trackingNumber ?? '');
  const exempt =
    normalized === '' &&
    channel === 'AMAZON' &&
    isValidTrackingExempt({ carrier, package: input.package }, order, policy);

  if (!exempt) {
    const check = checkTrackingNumber(input.trackingNumber ?? '', carrier, {
      orderNumbers: [order.channelOrderId, order.customerOrderId],
    });
    violations.push(...check.violations);
    if (channel === 'WALMART' && check.valid && WALMART_SPECIAL.test(check.normalized)) {
      violations.push(
        violation(
          'TRACKING_SPECIAL_CHARACTERS',
          'trackingNumber',
          'Walmart accepts only letters and digits in a tracking number.',
        ),
      );
    }
    if (check.normalized) checkReuse(check.normalized, carrier, input, context, violations);
    if (policy.pickupCarrier.wanted) checkPickupCarrier(check, carrier, channel, violations);
  }

  checkCarrier(input, violations);
  if (channel === 'WALMART') violations.push(...amazonLogisticsOnWalmart(input, normalized));
  if (input.trackingUrl && !HTTP_URL.test(input.trackingUrl.trim())) {
    violations.push(
      violation('TRACKING_URL_INVALID', 'trackingUrl', 'The tracking URL must be a full http:// or https:// address.'),
    );
  }

  checkShipDate(input, now, violations);
  if (context.existingShipment && policy.trackingEditWindowHours !== null) {
    const until = new Date(context.existingShipment.confirmedAt.getTime() + policy.trackingEditWindowHours * HOUR_MS);
    if (now > until) {
      violations.push(
        violation(
          'TRACKING_EDIT_WINDOW_CLOSED',
          'trackingNumber',
          `Tracking can be changed for ${policy.trackingEditWindowHours} hours after shipping; that ended ${until.toISOString()}.`,
          { editableUntil: until.toISOString() },
        ),
      );
    }
  }
  if (input.package) checkPackage(input.package, violations);
  return violations;
}

function checkOrderStatus(input: ShipmentInput, violations: Violation[]): void {
  const { status } = input.order;
  if (status === 'PENDING' || status === 'CANCELLED') {
    violations.push(
      violation('ORDER_NOT_SHIPPABLE', 'order.status', `An order that is ${status.toLowerCase()} cannot be shipped.`),
    );
  } else if (status === 'CREATED' && input.channel === 'WALMART') {
    violations.push(
      violation(
        'ORDER_NOT_ACKNOWLEDGED',
        'order.status',
        'The Walmart order is not acknowledged yet; the hub acknowledges it before sending the shipment.',
      ),
    );
  }
}

function checkReuse(
  normalized: string,
  carrier: ShipmentInput['carrier'],
  input: ShipmentInput,
  context: ShipmentContext,
  violations: Violation[],
): void {
  const windowDays = context.policy.trackingReuseWindowDays;
  if (windowDays === null || !context.recentTrackingUses) return;
  const since = context.now.getTime() - windowDays * DAY_MS;
  const orders = new Set<string>();
  for (const use of context.recentTrackingUses) {
    if (use.channelOrderId === input.order.channelOrderId || use.usedAt.getTime() < since) continue;
    const used = cleanTrackingNumber(use.trackingNumber);
    if (used === normalized || checkTrackingNumber(used, carrier).normalized === normalized)
      orders.add(use.channelOrderId);
  }
  if (orders.size > 0) {
    const list = [...orders];
    violations.push(
      violation(
        'TRACKING_REUSED',
        'trackingNumber',
        `This tracking number was used on order ${list.join(', ')} in the last ${windowDays} days.`,
        {
          channelOrderIds: list,
        },
      ),
    );
  }
}

function checkPickupCarrier(
  check: TrackingCheck,
  carrier: ShipmentInput['carrier'],
  channel: ShipmentInput['channel'],
  violations: Violation[],
): void {
  const looksLike = handoffPickupCarriers(check, carrier);
  if (looksLike.length === 0) return;
  violations.push(
    violation(
      'CARRIER_IS_LAST_MILE',
      'carrier',
      `This looks like a ${listLabels(looksLike)} label that ${CARRIER_LABELS[carrier]} delivers: ${channelLabel(channel)} wants the carrier that picked the parcel up, so choose it if one of them did (UPS for SurePost).`,
      { looksLike },
    ),
  );
}

function checkCarrier(input: ShipmentInput, violations: Violation[]): void {
  if (input.carrier !== 'OTHER') return;
  if (!input.carrierName?.trim()) {
    violations.push(violation('CARRIER_NAME_REQUIRED', 'carrierName', 'Name the carrier when choosing Other.'));
    return;
  }
  const sentAs = channelCarrierName(input.channel, 'OTHER', input.carrierName);
  if (
    input.channel === 'WALMART' &&
    sentAs === null &&
    !carrierNamed(input.carrierName) &&
    !input.trackingUrl?.trim()
  ) {
    violations.push(
      violation(
        'TRACKING_URL_REQUIRED',
        'trackingUrl',
        `${input.carrierName} is not on Walmart's carrier list, so Walmart needs a tracking URL.`,
      ),
    );
  }
  if (input.channel === 'AMAZON' && sentAs === 'Other' && !carrierNamed(input.carrierName)) {
    violations.push(
      violation(
        'CARRIER_NOT_INTEGRATED',
        'carrierName',
        `Amazon gets no scans from ${input.carrierName}, so this shipment may count against your valid tracking rate.`,
      ),
    );
  }
}

function checkShipDate(input: ShipmentInput, now: Date, violations: Violation[]): void {
  if (input.shippedAt.getTime() > now.getTime()) {
    violations.push(
      violation(
        'SHIP_DATE_IN_FUTURE',
        'shippedAt',
        'The ship date is in the future; confirm once the carrier has the parcel.',
      ),
    );
  }
  if (input.shippedAt.getTime() < input.order.orderedAt.getTime()) {
    violations.push(violation('SHIP_DATE_BEFORE_ORDER', 'shippedAt', 'The ship date is before the order was placed.'));
  }
}

function checkPackage(pkg: PackageInput, violations: Violation[]): void {
  for (const key of ['weightOz', 'lengthIn', 'widthIn', 'heightIn'] as const) {
    const value = pkg[key];
    if (value !== null && value !== undefined && !(Number.isFinite(value) && value > 0)) {
      violations.push(
        violation('PACKAGE_MEASURE_INVALID', `package.${key}`, 'Weights and dimensions must be numbers above zero.'),
      );
    }
  }
  if (pkg.type === 'PARCEL') return;
  const limits = ENVELOPE_LIMITS[pkg.type];
  const dims = sortedDimensions(pkg);
  const tooBig = dims !== null && dims.some((d, i) => d > limits.dims[i]);
  const tooHeavy = pkg.weightOz !== null && pkg.weightOz !== undefined && pkg.weightOz > limits.weightOz;
  if (tooBig || tooHeavy) {
    violations.push(
      violation(
        'PACKAGE_TOO_LARGE_FOR_TYPE',
        'package.type',
        `A ${pkg.type.toLowerCase()} may be at most ${limits.dims.join(' × ')} in and ${limits.weightOz} oz; ship it as a parcel.`,
      ),
    );
  }
}
