/**
 * Channel money to integer cents without floating-point drift: Walmart sends JSON numbers (`5.99`),
 * Amazon decimal strings (`"5.99"`).
 */
export function toCents(amount: number | string | null | undefined): number {
  if (amount === null || amount === undefined || amount === '') return 0;
  const text = typeof amount === 'number' ? amount.toFixed(4) : amount.trim();
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new Error(`Not a money amount: ${JSON.stringify(amount)}`);
  const [, sign, whole, fraction = ''] = match;
  const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(3, '0').slice(0, 3)) / 10;
  const rounded = Math.round(cents);
  return sign ? -rounded : rounded;
}
