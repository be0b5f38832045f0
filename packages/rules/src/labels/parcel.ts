import type { LabelParcel } from '@order-hub/types';

/** A box the seller ships in: its size, its own weight, and the SKUs it is meant for. */
export interface PackagePresetFacts {
  id: string;
  name: string;
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  boxWeightOz: number;
  /** SKUs this box is meant for; empty for a general box. */
  skus: readonly string[];
  isDefault: boolean;
}

export interface ParcelLine {
  sku: string;
  quantity: number;
}

/** The parcel the hub proposes for an order. */
export interface ParcelChoice {
  preset: PackagePresetFacts;
  /** Why this preset: it names one of the order's SKUs, or it is the default. */
  matchedBy: 'SKU' | 'DEFAULT';
  /** The box with the order's weight; null while a SKU's weight is unknown (the operator weighs the parcel). */
  parcel: LabelParcel | null;
  /** The order's SKUs without a known weight, in line order. */
  missingWeights: string[];
}

const sku = (s: string) => s.trim();
const usableWeight = (w: number | null | undefined): w is number =>
  typeof w === 'number' && Number.isFinite(w) && w >= 0;

/**
 * The package preset for an order and its weight. A preset naming the order's SKUs wins over the default (the one
 * naming the most of the order's units; on a tie the larger box, then the preset listed first); the weight is the
 * box's plus each SKU's weight times its quantity, known only when every SKU has a weight. Null when no preset
 * names an SKU of the order and none is the default.
 */
export function parcelFor(
  lines: readonly ParcelLine[],
  presets: readonly PackagePresetFacts[],
  skuWeights: Readonly<Record<string, number | null | undefined>>,
): ParcelChoice | null {
  const shipped = lines.filter((l) => l.quantity > 0);
  const unitsNamed = (p: PackagePresetFacts) => {
    const named = new Set(p.skus.map(sku));
    return shipped.reduce((n, l) => n + (named.has(sku(l.sku)) ? l.quantity : 0), 0);
  };
  const volume = (p: PackagePresetFacts) => p.lengthIn * p.widthIn * p.heightIn;
  const bySku = presets
    .map((preset, index) => ({ preset, index, units: unitsNamed(preset) }))
    .filter((c) => c.units > 0)
    .sort((a, b) => b.units - a.units || volume(b.preset) - volume(a.preset) || a.index - b.index)[0];
  const preset = bySku?.preset ?? presets.find((p) => p.isDefault);
  if (!preset) return null;

  const missingWeights: string[] = [];
  let weightOz = preset.boxWeightOz;
  for (const line of shipped) {
    const weight = skuWeights[sku(line.sku)] ?? skuWeights[line.sku];
    if (usableWeight(weight)) weightOz += weight * line.quantity;
    else if (!missingWeights.includes(line.sku)) missingWeights.push(line.sku);
  }
  return {
    preset,
    matchedBy: bySku ? 'SKU' : 'DEFAULT',
    parcel: missingWeights.length
      ? null
      : {
          lengthIn: preset.lengthIn,
          widthIn: preset.widthIn,
          heightIn: preset.heightIn,
          weightOz: Math.round(weightOz * 100) / 100,
        },
    missingWeights,
  };
}
