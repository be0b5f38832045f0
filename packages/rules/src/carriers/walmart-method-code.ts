/** Walmart's shipping method codes (Orders v3 `trackingInfo.methodCode`). */
export const WALMART_METHOD_CODES = ['Standard', 'Express', 'OneDay', 'Freight', 'WhiteGlove', 'Value'] as const;
export type WalmartMethodCode = (typeof WALMART_METHOD_CODES)[number];

/** Walmart's methodCode from the hub's service text ("one day", "ONE_DAY", "OneDay"); Standard unless it names another code. */
export function walmartMethodCode(service: string | null | undefined): WalmartMethodCode {
  const wanted = (service ?? '').replace(/[\s_-]/g, '').toLowerCase();
  return WALMART_METHOD_CODES.find((m) => m.toLowerCase() === wanted) ?? 'Standard';
}
