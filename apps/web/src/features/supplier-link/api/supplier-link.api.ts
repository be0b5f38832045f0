import type { CarrierCode } from '@order-hub/types';

/**
 * The public supplier page's REST calls (no session, no CSRF: the signed token in the path is the only key).
 * The api answers JSON at /supplier/:token; the browser's address for the page is the same path, so ask for JSON.
 */
export const SUPPLIER_API_PREFIX = '/supplier';

export interface SupplierLinkViolation {
  code: string;
  field?: string | null;
  message: string;
  /** BLOCK: the number cannot be used; WARN: it may. */
  severity: string;
}

export interface SupplierLinkOrder {
  orderNumber: string;
  poNumber?: string | null;
  supplierName?: string | null;
  shipBy: string | null;
  /** The seller's account zone, for the ship-by time; UTC when not given. */
  timeZone?: string | null;
  lines: { sku: string; title?: string | null; quantity: number }[];
  shipTo: { city: string | null; state: string | null; zip3?: string | null };
  /** Carriers the supplier may choose; every hub carrier when not given. */
  carriers?: ({ code: CarrierCode; label: string } | CarrierCode)[];
  /** Set once tracking was taken (the link then only says thank you). */
  trackingReceivedAt?: string | null;
  expiresAt?: string | null;
}

export interface SupplierLinkSubmitAnswer {
  ok?: boolean;
  status?: string;
  message?: string;
  violations?: SupplierLinkViolation[];
}

/** A refused call in the server's words, with its HTTP status (410 / 404: the link expired or is not ours). */
export class SupplierLinkError extends Error {
  override readonly name = 'SupplierLinkError';
  constructor(
    message: string,
    readonly status: number,
    readonly violations: SupplierLinkViolation[] = [],
  ) {
    super(message);
  }

  /** The link itself is no good (expired, tampered, or its purchase order gone): nothing on the page can fix that. */
  get linkUnusable(): boolean {
    return this.status === 401 || this.status === 403 || this.status === 404 || this.status === 410;
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }) },
      credentials: 'omit',
      signal,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    if ((cause as Error).name === 'AbortError') throw cause;
    throw new SupplierLinkError('The page cannot reach the server. Check the connection and try again.', 0);
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (response.ok) return parsed as T;
  const answer = (parsed ?? {}) as { message?: unknown; violations?: unknown };
  const message =
    typeof answer.message === 'string' && answer.message
      ? answer.message
      : response.status === 429
        ? 'Too many tries in a short time. Wait a minute and try again.'
        : `The server refused the request (${response.status}).`;
  const violations = Array.isArray(answer.violations) ? (answer.violations as SupplierLinkViolation[]) : [];
  throw new SupplierLinkError(message, response.status, violations);
}

export interface SupplierTrackingEntry {
  carrier: CarrierCode;
  /** With OTHER: the carrier's name. */
  carrierName?: string;
  trackingNumber: string;
}

const pathOf = (token: string) => `${SUPPLIER_API_PREFIX}/${encodeURIComponent(token)}`;

export function fetchSupplierLink(token: string, signal?: AbortSignal) {
  return call<SupplierLinkOrder>('GET', pathOf(token), undefined, signal);
}

export function checkSupplierTracking(token: string, input: SupplierTrackingEntry, signal?: AbortSignal) {
  return call<{ violations?: SupplierLinkViolation[] } | null>('POST', `${pathOf(token)}/check`, input, signal);
}

export function submitSupplierTracking(token: string, input: SupplierTrackingEntry) {
  return call<SupplierLinkSubmitAnswer | null>('POST', pathOf(token), input);
}
