export interface AddressFormValues {
  name: string;
  line1: string;
  line2: string;
  city: string;
  stateOrRegion: string;
  postalCode: string;
  countryCode: string;
  phone: string;
}

export type AddressField = keyof AddressFormValues;

export interface AddressValue {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  stateOrRegion: string;
  postalCode: string;
  countryCode: string;
  phone: string | null;
}

export const ADDRESS_FIELDS: readonly (readonly [AddressField, string])[] = [
  ['name', 'Name or company'],
  ['line1', 'Street'],
  ['line2', 'Suite, unit'],
  ['city', 'City'],
  ['stateOrRegion', 'State'],
  ['postalCode', 'ZIP code'],
  ['countryCode', 'Country'],
  ['phone', 'Phone'],
];

const REQUIRED: readonly AddressField[] = ['name', 'line1', 'city', 'stateOrRegion', 'postalCode', 'countryCode'];

type Stored = { [K in AddressField]?: string | null } | null | undefined;

export function addressFormValues(address: Stored): AddressFormValues {
  return {
    name: address?.name ?? '',
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    city: address?.city ?? '',
    stateOrRegion: address?.stateOrRegion ?? '',
    postalCode: address?.postalCode ?? '',
    countryCode: address?.countryCode ?? 'US',
    phone: address?.phone ?? '',
  };
}

/** The address to save, or each field's problem in words (carriers rate by a US ZIP and a two-letter state). */
export function parseAddress(
  values: AddressFormValues,
): { ok: true; address: AddressValue } | { ok: false; errors: Partial<Record<AddressField, string>> } {
  const errors: Partial<Record<AddressField, string>> = {};
  const v = Object.fromEntries(
    ADDRESS_FIELDS.map(([field]) => [field, values[field].trim()]),
  ) as unknown as AddressFormValues;
  const label = (field: AddressField) => ADDRESS_FIELDS.find(([f]) => f === field)![1];
  for (const field of REQUIRED) if (v[field] === '') errors[field] = `${label(field)} is required.`;
  const country = v.countryCode.toUpperCase();
  if (v.countryCode !== '' && !/^[A-Z]{2}$/.test(country))
    errors.countryCode = 'Country must be a two-letter code, e.g. US.';
  if (country === 'US') {
    if (v.postalCode !== '' && !/^\d{5}(-\d{4})?$/.test(v.postalCode))
      errors.postalCode = 'ZIP code must be 5 digits, or ZIP+4 (12345-6789).';
    if (v.stateOrRegion !== '' && !/^[A-Za-z]{2}$/.test(v.stateOrRegion))
      errors.stateOrRegion = 'State must be its two-letter code, e.g. NJ.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    address: {
      name: v.name,
      line1: v.line1,
      line2: v.line2 || null,
      city: v.city,
      stateOrRegion: country === 'US' ? v.stateOrRegion.toUpperCase() : v.stateOrRegion,
      postalCode: v.postalCode,
      countryCode: country,
      phone: v.phone || null,
    },
  };
}
