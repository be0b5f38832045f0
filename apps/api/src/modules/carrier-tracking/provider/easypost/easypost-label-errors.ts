import { LabelError, type LabelErrorCode } from 'src/modules/labels/label-seller';

interface ApiErrorLike {
  statusCode: number;
  code?: string;
  message?: string;
}

/** Codes that mean the quote can no longer be bought: rate again. */
const RATE_GONE = new Set([
  'SHIPMENT.RATES.UNAVAILABLE',
  'SHIPMENT.RATE.UNAVAILABLE',
  'SHIPMENT.MISSING_RATE',
  'ORDER.RATE.UNAVAILABLE',
]);

export function isApiError(err: unknown): err is ApiErrorLike {
  return typeof err === 'object' && err !== null && typeof (err as ApiErrorLike).statusCode === 'number';
}

/**
 * A failed call as a LabelError: the key refused → NOT_CONFIGURED; throttled, 5xx, timeout or no answer →
 * UNAVAILABLE (nothing happened); an expired rate → RATE_EXPIRED; no funds → PURCHASE_REFUSED; an address code →
 * ADDRESS_UNSERVICEABLE; anything else → `otherwise` for the call. EasyPost's own words are kept beside ours.
 */
export function labelError(err: unknown, action: string, otherwise: LabelErrorCode): LabelError {
  if (err instanceof LabelError) return err;
  if (!isApiError(err)) {
    const e = err as { code?: string; message?: string } | null;
    return new LabelError(
      'UNAVAILABLE',
      `EasyPost could not be reached ${action}; nothing was changed. Try again in a moment.`,
      e?.message ?? e?.code ?? String(err),
    );
  }
  const said = `${err.code ?? `HTTP ${err.statusCode}`}: ${err.message || 'no message'}`;
  const status = err.statusCode;
  const code = err.code ?? '';
  if (status === 401 || status === 403)
    return new LabelError(
      'NOT_CONFIGURED',
      `EasyPost refused the API key ${action}. Check the tracking provider's API key in Settings.`,
      said,
    );
  if (status === 429 || status === 408 || status >= 500)
    return new LabelError(
      'UNAVAILABLE',
      `EasyPost is busy or unavailable ${action}; nothing was changed. Try again in a moment.`,
      said,
    );
  if (RATE_GONE.has(code))
    return new LabelError('RATE_EXPIRED', 'That rate is no longer available. Get rates again and pick one.', said);
  if (status === 402 || code === 'PAYMENT_REQUIRED' || /insufficient funds/i.test(err.message ?? ''))
    return new LabelError(
      'PURCHASE_REFUSED',
      'EasyPost refused the purchase: the account has insufficient funds. Add funds to the EasyPost wallet and buy again.',
      said,
    );
  if (code.startsWith('ADDRESS.'))
    return new LabelError(
      'ADDRESS_UNSERVICEABLE',
      `The carrier cannot deliver to this address: ${err.message || 'the address could not be verified'}.`,
      said,
    );
  const words: Record<LabelErrorCode, string> = {
    PURCHASE_REFUSED: `The carrier refused the purchase: ${err.message || 'no reason given'}`,
    VOID_REFUSED: `The label cannot be voided: ${err.message || 'EasyPost refused the refund'}`,
    DOCUMENT_FAILED: `The label could not be downloaded: ${err.message || 'EasyPost refused'}. Reprint it in a moment.`,
    ADDRESS_UNSERVICEABLE: `The carrier cannot deliver to this address: ${err.message}`,
    RATE_EXPIRED: 'That rate is no longer available. Get rates again and pick one.',
    UNAVAILABLE: `EasyPost refused the request ${action}: ${err.message || 'no reason given'}`,
    NOT_CONFIGURED: 'No tracking provider is configured.',
  };
  return new LabelError(otherwise, words[otherwise], said);
}
