/** Shorter than any real carrier's number: `12345`, `0000`. */
export const MIN_TRACKING_LENGTH = 8;

/**
 * Whether the digits of `value` (letters skipped) are one repeated digit or a run going up or down by one
 * (wrapping 9 → 0), like `000000000000` or `1234567890`. Such numbers can pass a check digit by arithmetic.
 */
export function isDigitRun(value: string): boolean {
  let prev = -1;
  let step: number | null = null;
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) continue;
    const d = code - 48;
    if (prev >= 0) {
      const diff = (d - prev + 10) % 10;
      if (diff !== 0 && diff !== 1 && diff !== 9) return false;
      if (step === null) step = diff;
      else if (diff !== step) return false;
    }
    prev = d;
    count++;
  }
  return count >= 2;
}

export function isPlaceholder(normalized: string, core: string): boolean {
  return normalized.length < MIN_TRACKING_LENGTH || isDigitRun(normalized) || (core !== normalized && isDigitRun(core));
}
