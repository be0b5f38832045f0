import { randomBytes } from 'node:crypto';
import { invalidParameter } from './errors';
import { iso } from './serialize';

/** An Address as the sandbox's EasyPost keeps it. */
export interface AddressRecord {
  id: string;
  createdAt: number;
  name: string | null;
  company: string | null;
  street1: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string;
  phone: string | null;
  email: string | null;
  residential: boolean | null;
  /** Present when verification was asked for (`verify` / `verify_strict`). */
  verification?: Verification;
}

export interface VerificationError {
  code: string;
  field: string;
  message: string;
  suggestion: string | null;
}

export interface Verification {
  success: boolean;
  errors: VerificationError[];
  details: { latitude: number; longitude: number; time_zone: string } | null;
}

const US_STATES = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK ' +
    'OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP'
  ).split(' '),
);

const TIME_ZONES: [RegExp, string][] = [
  [/^(WA|OR|CA|NV)$/, 'America/Los_Angeles'],
  [/^(AZ)$/, 'America/Phoenix'],
  [/^(MT|ID|WY|UT|CO|NM)$/, 'America/Denver'],
  [/^(ND|SD|NE|KS|OK|TX|MN|IA|MO|AR|LA|WI|IL|MS|AL|TN)$/, 'America/Chicago'],
  [/^(AK)$/, 'America/Anchorage'],
  [/^(HI)$/, 'Pacific/Honolulu'],
];

/** USPS's standard abbreviations (Publication 28), the ones a street line most often spells out. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  STREET: 'ST',
  AVENUE: 'AVE',
  ROAD: 'RD',
  DRIVE: 'DR',
  BOULEVARD: 'BLVD',
  LANE: 'LN',
  COURT: 'CT',
  PLACE: 'PL',
  PARKWAY: 'PKWY',
  HIGHWAY: 'HWY',
  CIRCLE: 'CIR',
  TERRACE: 'TER',
  NORTH: 'N',
  SOUTH: 'S',
  EAST: 'E',
  WEST: 'W',
  SUITE: 'STE',
  APARTMENT: 'APT',
  FLOOR: 'FL',
  BUILDING: 'BLDG',
  UNIT: 'UNIT',
};

const text = (v: unknown, field: string): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' && typeof v !== 'number') throw invalidParameter(field, 'must be a string');
  const s = String(v).trim();
  return s === '' ? null : s;
};

export function addressInput(raw: unknown, field: string, now: number): AddressRecord {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalidParameter(field, 'is required (an object)');
  const a = raw as Record<string, unknown>;
  if (typeof a.id === 'string' && a.id.startsWith('adr_') && Object.keys(a).length === 1)
    throw invalidParameter(`${field}.id`, 'addresses by id are not kept by the sandbox; send the address fields');
  const residential = a.residential === undefined || a.residential === null ? null : Boolean(a.residential);
  return {
    id: `adr_${randomBytes(16).toString('hex')}`,
    createdAt: now,
    name: text(a.name, `${field}.name`),
    company: text(a.company, `${field}.company`),
    street1: text(a.street1, `${field}.street1`),
    street2: text(a.street2, `${field}.street2`),
    city: text(a.city, `${field}.city`),
    state: text(a.state, `${field}.state`),
    zip: text(a.zip, `${field}.zip`),
    country: (text(a.country, `${field}.country`) ?? 'US').toUpperCase(),
    phone: text(a.phone, `${field}.phone`),
    email: text(a.email, `${field}.email`),
    residential,
  };
}

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

const standard = (line: string) =>
  line
    .toUpperCase()
    .replace(/[.,#]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');

export const isPoBox = (a: AddressRecord) => /\bP\.?\s*O\.?\s*BOX\b/i.test(`${a.street1 ?? ''} ${a.street2 ?? ''}`);

/**
 * Why the sandbox's carriers cannot deliver to the address, or null: a US address needs a street with a house
 * number, a known state and a five-digit ZIP that is not 000xx (no such ZIP exists).
 */
export function undeliverable(a: AddressRecord): string | null {
  if (a.country !== 'US') return 'Only US addresses can be verified';
  if (!a.street1 || !(/^\d+[A-Z]?\s/i.test(a.street1) || isPoBox(a))) return 'Address not found';
  if (!a.state || !US_STATES.has(a.state.toUpperCase())) return 'Address not found';
  if (!a.zip || !/^\d{5}(-\d{4})?$/.test(a.zip) || a.zip.startsWith('000')) return 'Address not found';
  return null;
}

/**
 * Verifies the address as EasyPost's `verify` does: a deliverable one comes back standardised (upper case, USPS
 * abbreviations, the second line folded into the first, ZIP+4), with the delivery point's coordinates; one that
 * is not comes back as given with the errors.
 */
export function verify(a: AddressRecord): AddressRecord {
  const problem = undeliverable(a);
  if (problem) {
    const errors = [{ code: 'E.ADDRESS.NOT_FOUND', field: 'address', message: problem, suggestion: null }];
    return { ...a, verification: { success: false, errors, details: null } };
  }
  const street = standard([a.street1, a.street2].filter(Boolean).join(' '));
  const zip5 = (a.zip as string).slice(0, 5);
  const h = hash(`${street}|${zip5}`);
  const state = (a.state as string).toUpperCase();
  return {
    ...a,
    company: a.company?.toUpperCase() ?? null,
    street1: street,
    street2: '',
    city: a.city?.toUpperCase() ?? null,
    state,
    zip: `${zip5}-${String(h % 10_000).padStart(4, '0')}`,
    residential: a.residential ?? !a.company,
    verification: {
      success: true,
      errors: [],
      details: {
        latitude: Number((25 + (h % 2300) / 100).toFixed(5)),
        longitude: Number((-70 - (Math.floor(h / 2300) % 5000) / 100).toFixed(5)),
        time_zone: TIME_ZONES.find(([re]) => re.test(state))?.[1] ?? 'America/New_York',
      },
    },
  };
}

/** EasyPost writes an Address's times with +00:00 (its other objects with Z). */
const isoOffset = (at: number) => iso(at).replace(/Z$/, '+00:00');

export function addressJson(a: AddressRecord, mode: string): Record<string, unknown> {
  const v = a.verification;
  const zip4 = v && { success: v.success, errors: v.errors, details: null };
  return {
    id: a.id,
    object: 'Address',
    created_at: isoOffset(a.createdAt),
    updated_at: isoOffset(a.createdAt),
    name: a.name,
    company: a.company,
    street1: a.street1,
    street2: a.street2,
    city: a.city,
    state: a.state,
    zip: a.zip,
    country: a.country,
    phone: a.phone,
    email: a.email,
    mode,
    carrier_facility: null,
    residential: a.residential,
    federal_tax_id: null,
    state_tax_id: null,
    verifications: v ? { zip4, delivery: { success: v.success, errors: v.errors, details: v.details ?? {} } } : {},
  };
}
