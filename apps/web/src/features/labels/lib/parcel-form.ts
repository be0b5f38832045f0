/** A parcel as typed: strings, so a half-typed number stays on screen. */
export interface ParcelFormValues {
  lengthIn: string;
  widthIn: string;
  heightIn: string;
  weightOz: string;
}

export type ParcelField = keyof ParcelFormValues;

export interface ParcelInput {
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  weightOz: number;
}

export const PARCEL_FIELDS: readonly (readonly [ParcelField, string])[] = [
  ['lengthIn', 'Length (in)'],
  ['widthIn', 'Width (in)'],
  ['heightIn', 'Height (in)'],
  ['weightOz', 'Weight (oz)'],
];

/** Carriers' ground limits (UPS/FedEx 150 lb, 108 in longest side) bound what the form sends. */
const LIMITS: Record<ParcelField, number> = { lengthIn: 108, widthIn: 108, heightIn: 108, weightOz: 150 * 16 };

export function parcelFormValues(parcel: ParcelInput | null | undefined): ParcelFormValues {
  if (!parcel) return { lengthIn: '', widthIn: '', heightIn: '', weightOz: '' };
  return {
    lengthIn: String(parcel.lengthIn),
    widthIn: String(parcel.widthIn),
    heightIn: String(parcel.heightIn),
    weightOz: String(parcel.weightOz),
  };
}

/** The parcel to rate, or what is wrong with each field in words. */
export function parseParcel(
  values: ParcelFormValues,
): { ok: true; parcel: ParcelInput } | { ok: false; errors: Partial<Record<ParcelField, string>> } {
  const errors: Partial<Record<ParcelField, string>> = {};
  const parcel = {} as ParcelInput;
  for (const [field, label] of PARCEL_FIELDS) {
    const text = values[field].trim();
    const name = label.replace(/ \(.*\)$/, '');
    const value = Number(text);
    if (text === '') errors[field] = `${name} is required.`;
    else if (!Number.isFinite(value)) errors[field] = `${name} must be a number.`;
    else if (value <= 0) errors[field] = `${name} must be more than 0.`;
    else if (value > LIMITS[field])
      errors[field] = `${name} must be at most ${LIMITS[field]} ${field === 'weightOz' ? 'oz' : 'in'}.`;
    else parcel[field] = value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, parcel };
}
