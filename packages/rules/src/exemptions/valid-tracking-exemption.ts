import type { CarrierCode, PackageInput } from '@order-hub/types';
import type { ChannelPolicy } from '../policy/policy-table';

/** Long side, short side and thickness of a package, largest first; null when any is unknown. */
export function sortedDimensions(pkg: PackageInput): [number, number, number] | null {
  const dims = [pkg.lengthIn, pkg.widthIn, pkg.heightIn];
  if (dims.some((d) => d === null || d === undefined)) return null;
  return (dims as number[]).sort((a, b) => b - a) as [number, number, number];
}

/**
 * Whether a shipment needs no valid tracking under the policy (Amazon: a USPS letter or flat for an order
 * under $10 including shipping). Dimensions and weight count only when given: Amazon keys on the
 * envelope class and the price, and the limits come from a support reply.
 */
export function isValidTrackingExempt(
  shipment: { carrier: CarrierCode; package?: PackageInput | null },
  order: { totalCents?: number },
  policy: ChannelPolicy,
): boolean {
  const rule = policy.validTrackingExemption;
  const pkg = shipment.package;
  if (!rule || !pkg || !rule.carriers.includes(shipment.carrier) || !rule.packageTypes.includes(pkg.type)) return false;
  if (rule.belowPriceCents !== null && !(order.totalCents !== undefined && order.totalCents < rule.belowPriceCents))
    return false;
  const dims = sortedDimensions(pkg);
  if (dims && (dims[0] > rule.maxLengthIn || dims[1] > rule.maxWidthIn || dims[2] > rule.maxThicknessIn)) return false;
  return pkg.weightOz === null || pkg.weightOz === undefined || pkg.weightOz <= rule.maxWeightOz;
}
