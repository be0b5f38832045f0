import { safeHttpUrl } from '@order-hub/rules';
import type { NormalizedReturn, NormalizedReturnLine, RejectedReturn } from '@order-hub/types';
import { minorUnitDigits, toCents } from 'src/modules/channels/money';
import { UnreadableReturn, dateAt, lineState, returnStatusOf, show } from './walmart-return-state';
import type { WalmartReturnCharge, WalmartReturnMoney, WalmartReturnOrder } from './walmart-return.types';

export { UnreadableReturn };

const MAX_REASON = 300;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function required(v: unknown, field: string, why: string): string {
  const t = text(v);
  if (t === null) throw new UnreadableReturn(field, `is missing: ${why}`);
  return t;
}

/** The return's currency: the first currencyUnit Walmart gives on it (USD when none). */
function currencyOf(ro: WalmartReturnOrder): string {
  const units = [
    ro.totalRefundAmount?.currencyUnit,
    ...(ro.returnOrderLines ?? []).flatMap((l) => [
      l?.unitPrice?.currencyUnit,
      ...(l?.charges ?? []).map((c) => c?.chargePerUnit?.currencyUnit),
    ]),
  ];
  const found = units.map(text).find((u) => u !== null) ?? 'USD';
  try {
    minorUnitDigits(found);
  } catch {
    throw new UnreadableReturn('currencyUnit', `must be an ISO 4217 currency code (got ${show(found)})`);
  }
  return found.toUpperCase();
}

function cents(m: WalmartReturnMoney | undefined, currency: string, field: string): number {
  const amount = m?.currencyAmount;
  if (typeof amount !== 'number' || !Number.isFinite(amount))
    throw new UnreadableReturn(`${field}.currencyAmount`, `must be a number (got ${show(amount)})`);
  return toCents(amount, currency);
}

/**
 * What one returned unit was paid, from the line's PRODUCT charges that count in a refund (isBillable not false):
 * chargePerUnit for the item, tax[].taxPerUnit for its tax, a discount (isDiscount) taken off. Without a PRODUCT
 * charge the line's unitPrice stands for the item and the tax is not known.
 */
function unitMoney(
  charges: WalmartReturnCharge[] | undefined,
  unitPrice: WalmartReturnMoney | undefined,
  currency: string,
  at: string,
): { unitPriceCents: number | null; unitTaxCents: number | null } {
  const product = (charges ?? [])
    .map((c, i) => ({ c, field: `${at}.charges[${i}]` }))
    .filter(({ c }) => c?.chargeCategory === 'PRODUCT' && c.isBillable !== false);
  if (product.length === 0)
    return {
      unitPriceCents: unitPrice ? cents(unitPrice, currency, `${at}.unitPrice`) : null,
      unitTaxCents: null,
    };
  const signed = (c: WalmartReturnCharge, v: number) => (c.isDiscount ? -Math.abs(v) : v);
  const unitPriceCents = product.reduce(
    (sum, { c, field }) => sum + signed(c, cents(c.chargePerUnit, currency, `${field}.chargePerUnit`)),
    0,
  );
  const taxed = product.filter(({ c }) => Array.isArray(c.tax) && c.tax.length > 0);
  const unitTaxCents =
    taxed.length === 0
      ? null
      : taxed.reduce(
          (sum, { c, field }) =>
            sum +
            (c.tax ?? []).reduce(
              (s, t, j) =>
                s + (t?.taxPerUnit ? signed(c, cents(t.taxPerUnit, currency, `${field}.tax[${j}].taxPerUnit`)) : 0),
              0,
            ),
          0,
        );
  return { unitPriceCents, unitTaxCents };
}

/** The buyer's return labels: each carrier/tracking number once, and the first label image. */
function labelsOf(ro: WalmartReturnOrder): Pick<NormalizedReturn, 'tracking' | 'labelUrl'> {
  const labels = (ro.returnLineGroups ?? []).flatMap((g) => g?.labels ?? []);
  const seen = new Set<string>();
  const tracking = labels
    .flatMap((l) => l?.carrierInfoList ?? [])
    .flatMap((c) => {
      const trackingNumber = text(c?.trackingNo);
      if (!trackingNumber || seen.has(trackingNumber)) return [];
      seen.add(trackingNumber);
      return [{ carrier: text(c.carrierName), trackingNumber }];
    });
  const labelUrl = labels.map((l) => safeHttpUrl(l?.labelImageURL)).find((u) => u !== null) ?? null;
  return { tracking, labelUrl };
}

/**
 * One Walmart return order (GET /v3/returns `returnOrders[]`) in the hub's model. Pure. Throws an UnreadableReturn
 * naming the field and the rule when the hub cannot read it; mapWalmartReturns sets such a return aside.
 */
export function mapWalmartReturn(ro: WalmartReturnOrder): NormalizedReturn {
  const channelReturnId = required(ro.returnOrderId, 'returnOrderId', 'the return order id (RMA) names the return');
  const requestedAt = dateAt(ro.returnOrderDate, 'returnOrderDate');
  if (!requestedAt) throw new UnreadableReturn('returnOrderDate', 'is missing: every return has a creation date');
  const raws = ro.returnOrderLines;
  if (!Array.isArray(raws) || raws.length === 0)
    throw new UnreadableReturn('returnOrderLines', 'must list at least one returned line');
  const currency = currencyOf(ro);
  const numbers = new Set<string>();
  const mapped = raws.map((l, i): { line: NormalizedReturnLine; changedAt: Date | null } => {
    const at = `returnOrderLines[${i}]`;
    const n = l?.returnOrderLineNumber;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
      throw new UnreadableReturn(`${at}.returnOrderLineNumber`, `must be a whole number (got ${show(n)})`);
    if (numbers.has(String(n))) throw new UnreadableReturn(`${at}.returnOrderLineNumber`, `repeats line ${n}`);
    numbers.add(String(n));
    const po = required(l.purchaseOrderId, `${at}.purchaseOrderId`, 'every returned line names its purchase order');
    const state = lineState(l, at);
    return {
      line: {
        returnLineNumber: String(n),
        channelOrderId: po,
        lineNumber: typeof l.purchaseOrderLineNumber === 'number' ? String(l.purchaseOrderLineNumber) : null,
        sku: text(l.item?.sku),
        productName: text(l.item?.productName),
        quantity: state.quantity,
        quantityRefunded: state.quantityRefunded,
        reasonCode: text(l.returnReason),
        status: state.status,
        receivedAt: state.receivedAt,
        refundedAt: state.refundedAt,
        refundedBy: state.refundedBy,
        ...unitMoney(l.charges, l.unitPrice, currency, at),
        // Walmart gives the amount refunded per return (totalRefundAmount), not per line.
        refundedCents: null,
      },
      changedAt: state.changedAt,
    };
  });
  const lines = mapped.map((m) => m.line);
  const updatedAt = mapped.reduce((max, m) => (m.changedAt && m.changedAt > max ? m.changedAt : max), requestedAt);
  return {
    channel: 'WALMART',
    channelReturnId,
    customerOrderId: text(ro.customerOrderId),
    channelOrderId: lines[0].channelOrderId,
    status: returnStatusOf(lines),
    requestedAt,
    updatedAt,
    returnType: text(ro.returnType),
    ...labelsOf(ro),
    claim: false,
    currency,
    lines,
    raw: ro,
  };
}

/**
 * A page of Walmart returns, one at a time: a return the hub cannot read is set aside with the field and the rule
 * it breaks, and the rest of the page is kept (as map-channel-orders.ts does for orders).
 */
export function mapWalmartReturns(raws: readonly unknown[]): {
  returns: NormalizedReturn[];
  rejected: RejectedReturn[];
} {
  const returns: NormalizedReturn[] = [];
  const rejected: RejectedReturn[] = [];
  raws.forEach((raw, index) => {
    const ro = (raw && typeof raw === 'object' ? raw : {}) as WalmartReturnOrder;
    const id =
      text(ro.returnOrderId)
        ?.replace(/[\p{Cc}\p{Cs}]/gu, '')
        .slice(0, 100) ?? null;
    try {
      if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw new UnreadableReturn(`returnOrders[${index}]`, 'must be a return order object');
      returns.push(mapWalmartReturn(ro));
    } catch (err) {
      const reason =
        err instanceof UnreadableReturn
          ? err.message
          : `the channel's copy could not be read: ${err instanceof Error ? err.message : String(err)}`;
      rejected.push({ channelReturnId: id, reason: reason.slice(0, MAX_REASON), raw });
    }
  });
  return { returns, rejected };
}
