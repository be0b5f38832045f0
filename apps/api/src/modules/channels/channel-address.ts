/** ISO 3166-1 alpha-3 codes the channels send, mapped to the hub's alpha-2. */
const ALPHA3: Record<string, string> = { USA: 'US', CAN: 'CA', MEX: 'MX', PRI: 'PR' };

export function countryAlpha2(code: string | null | undefined): string {
  const upper = (code ?? '').trim().toUpperCase();
  return ALPHA3[upper] ?? upper;
}
