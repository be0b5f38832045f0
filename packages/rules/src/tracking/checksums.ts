/**
 * Check-digit algorithms. Each takes the characters the check covers (`value`) plus optional digits
 * conceptually written in front of them (`lead`, e.g. USPS legacy numbers are checked as if `91`
 * preceded them) and returns the expected check digit. They read characters in place, so a check
 * allocates nothing.
 */

export type ChecksumSpec =
  /** Weighted sum mod 10; check = (10 − sum mod 10) mod 10. Products are added whole (UPS, GS1, USPS, OnTrac). */
  | { algorithm: 'mod10'; weights: readonly number[]; from: 'left' | 'right' }
  /** Luhn: weights 2, 1 from the right, digits of each product summed. */
  | { algorithm: 'luhn' }
  /** Weighted sum mod 11, then mod 10 (FedEx Express). */
  | { algorithm: 'mod11'; weights: readonly number[] }
  /** The value read as a number, mod 7 (DHL Express air waybill). */
  | { algorithm: 'mod7' }
  /** UPU S10: weights 8, 6, 4, 2, 3, 5, 9, 7; 11 − sum mod 11, with 10 → 0 and 11 → 5. */
  | { algorithm: 's10' };

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** A digit's value, or a letter's under UPS's rule: (ASCII code − 3) mod 10. */
function charValue(code: number): number {
  return code <= 57 ? code - 48 : (code - 3) % 10;
}

/** The character at index `i` of lead + value, without building that string. */
function codeAt(lead: string, value: string, i: number): number {
  return i < lead.length ? lead.charCodeAt(i) : value.charCodeAt(i - lead.length);
}

function weightedSum(
  value: string,
  lead: string,
  weights: readonly number[],
  from: 'left' | 'right',
  sumDigits: boolean,
): number {
  const n = lead.length + value.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[(from === 'left' ? i : n - 1 - i) % weights.length];
    let p = charValue(codeAt(lead, value, i)) * w;
    if (sumDigits && p > 9) p -= 9;
    sum += p;
  }
  return sum;
}

export function mod10CheckDigit(value: string, weights: readonly number[], from: 'left' | 'right', lead = ''): number {
  return (10 - (weightedSum(value, lead, weights, from, false) % 10)) % 10;
}

const LUHN_WEIGHTS = [2, 1] as const;

export function luhnCheckDigit(value: string, lead = ''): number {
  return (10 - (weightedSum(value, lead, LUHN_WEIGHTS, 'right', true) % 10)) % 10;
}

export function mod11CheckDigit(value: string, weights: readonly number[], lead = ''): number {
  return (weightedSum(value, lead, weights, 'left', false) % 11) % 10;
}

export function mod7CheckDigit(value: string, lead = ''): number {
  const n = lead.length + value.length;
  let r = 0;
  for (let i = 0; i < n; i++) r = (r * 10 + charValue(codeAt(lead, value, i))) % 7;
  return r;
}

export function s10CheckDigit(value: string, lead = ''): number {
  const r = 11 - (weightedSum(value, lead, S10_WEIGHTS, 'left', false) % 11);
  return r === 10 ? 0 : r === 11 ? 5 : r;
}

/** The expected check digit for `value` under `spec`. */
export function checkDigitFor(spec: ChecksumSpec, value: string, lead = ''): number {
  switch (spec.algorithm) {
    case 'mod10':
      return mod10CheckDigit(value, spec.weights, spec.from, lead);
    case 'luhn':
      return luhnCheckDigit(value, lead);
    case 'mod11':
      return mod11CheckDigit(value, spec.weights, lead);
    case 'mod7':
      return mod7CheckDigit(value, lead);
    case 's10':
      return s10CheckDigit(value, lead);
  }
}
