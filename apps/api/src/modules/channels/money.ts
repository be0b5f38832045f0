/** Digits after the decimal point of each currency's minor unit (ISO 4217): JPY 0, USD 2, KWD 3. Cached per currency. */
const fractionDigits = new Map<string, number>();

export function minorUnitDigits(currency: string): number {
  const code = currency.trim().toUpperCase();
  let digits = fractionDigits.get(code);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      throw new Error(`Not a currency code: ${JSON.stringify(currency)} (ISO 4217, e.g. USD)`);
    }
    fractionDigits.set(code, digits);
  }
  return digits;
}

/**
 * Channel money to integer minor units of its currency without floating-point drift (USD cents, JPY yen, KWD fils):
 * Walmart sends JSON numbers (`5.99`), Amazon decimal strings (`"5.99"`). Half a minor unit rounds away from zero.
 */
export function toCents(amount: number | string | null | undefined, currency = 'USD'): number {
  if (amount === null || amount === undefined || amount === '') return 0;
  const digits = minorUnitDigits(currency);
  const text = typeof amount === 'number' ? amount.toFixed(digits + 2) : amount.trim();
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new Error(`Not a money amount: ${JSON.stringify(amount)}`);
  const [, sign, whole, fraction = ''] = match;
  const padded = fraction.padEnd(digits + 1, '0');
  const minor =
    Number(whole || '0') * 10 ** digits +
    Number(padded.slice(0, digits) || '0') +
    (Number(padded[digits]) >= 5 ? 1 : 0);
  return sign ? -minor : minor;
}

/** Minor units back to the channel's decimal amount (599 USD → 5.99, 1000 JPY → 1000). */
export function fromCents(minor: number, currency = 'USD'): number {
  return minor / 10 ** minorUnitDigits(currency);
}
