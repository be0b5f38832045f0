import { walmartMethodCode } from '@order-hub/rules';
import type { CancelPayload, ReturnRefundPayload, ShipPayload, UpdateTrackingPayload } from '@order-hub/types';
import { ChannelError } from 'src/modules/channels/channel-error';
import { fromCents, toCents } from 'src/modules/channels/money';
import type { WalmartCharge, WalmartOrderLine } from './walmart-order.types';

const EACH = 'EACH';

function trackingInfo(p: ShipPayload) {
  return {
    shipDateTime: Date.parse(p.shippedAt),
    carrierName: p.channelCarrier ? { carrier: p.channelCarrier } : { otherCarrier: p.carrierName ?? 'Other' },
    methodCode: walmartMethodCode(p.service),
    trackingNumber: p.trackingNumber,
    ...(p.trackingUrl ? { trackingURL: p.trackingUrl } : {}),
  };
}

/**
 * `POST /v3/orders/{po}/shipping` body; a tracking correction adds processMode and names the number it replaces.
 * The 2026 model requires `orderLine[].sellerOrderId`: the line's own seller order id when Walmart's copy of the
 * order carries one, otherwise the purchase order id, the one identifier of the order every seller has.
 */
export function walmartShipBody(
  p: ShipPayload | UpdateTrackingPayload,
  sellerOrderIds: ReadonlyMap<string, string> = new Map(),
) {
  const correction = 'previousTrackingNumber' in p;
  return {
    orderShipment: {
      ...(correction ? { processMode: 'PARTIAL_UPDATE' } : {}),
      orderLines: {
        orderLine: p.lines.map((l) => ({
          lineNumber: l.lineNumber,
          sellerOrderId: sellerOrderIds.get(l.lineNumber) || p.channelOrderId,
          ...(p.intentToCancelOverride ? { intentToCancelOverride: true } : {}),
          orderLineStatuses: {
            orderLineStatus: [
              {
                status: 'Shipped',
                statusQuantity: { unitOfMeasurement: EACH, amount: String(l.quantity) },
                trackingInfo: trackingInfo(p),
                ...(correction ? { currentTrackingInfo: { trackingNumber: p.previousTrackingNumber } } : {}),
              },
            ],
          },
        })),
      },
    },
  };
}

export function walmartCancelBody(p: CancelPayload) {
  return {
    orderCancellation: {
      orderLines: {
        orderLine: p.lines.map((l) => ({
          lineNumber: l.lineNumber,
          orderLineStatuses: {
            orderLineStatus: [
              {
                status: 'Cancelled',
                cancellationReason: l.reason,
                statusQuantity: { unitOfMeasurement: EACH, amount: String(l.quantity) },
              },
            ],
          },
        })),
      },
    },
  };
}

interface RefundLine {
  lineNumber: string;
  amountCents: number;
  reason: string;
  isFullRefund: boolean;
  /** Walmart's copy of the line: its charges, and the refunds already on it. */
  order?: WalmartOrderLine;
}

type RefundCharge = { refundReason: string; charge: WalmartCharge };

const money = (currency: string, cents: number) => ({ currency, amount: -fromCents(cents, currency) });

/** A partial refund: the amount asked for, with its share of the product tax. */
function partialCharge(l: RefundLine): RefundCharge {
  const charge = l.order?.charges.charge.find((c) => c.chargeType === 'PRODUCT');
  const currency = charge?.chargeAmount.currency ?? 'USD';
  const taxCents =
    charge?.tax && charge.chargeAmount.amount > 0
      ? Math.round((l.amountCents * charge.tax.taxAmount.amount) / charge.chargeAmount.amount)
      : 0;
  return {
    refundReason: l.reason,
    charge: {
      chargeType: 'PRODUCT',
      chargeName: charge?.chargeName ?? 'ItemPrice',
      chargeAmount: money(currency, l.amountCents),
      ...(taxCents > 0
        ? { tax: { taxName: charge?.tax?.taxName ?? 'Tax1', taxAmount: money(currency, taxCents) } }
        : {}),
    },
  };
}

/**
 * A full refund: the model requires `refunds` on every line even with `isFullRefund`, so each of the line's
 * charges is sent with what is left of it after earlier refunds, under the operator's reason.
 */
function fullCharges(l: RefundLine): RefundCharge[] {
  const earlier = l.order?.refund?.refundCharges?.refundCharge ?? [];
  const earlierRefunds = (type: string, currency: string, of: (c: WalmartCharge) => number) =>
    earlier.filter((r) => r.charge.chargeType === type).reduce((sum, r) => sum + toCents(of(r.charge), currency), 0);
  const charges = (l.order?.charges.charge ?? []).flatMap((c) => {
    const currency = c.chargeAmount.currency;
    const amount =
      toCents(c.chargeAmount.amount, currency) + earlierRefunds(c.chargeType, currency, (r) => r.chargeAmount.amount);
    const tax = c.tax
      ? toCents(c.tax.taxAmount.amount, currency) +
        earlierRefunds(c.chargeType, currency, (r) => r.tax?.taxAmount.amount ?? 0)
      : 0;
    if (amount <= 0 && tax <= 0) return [];
    return [
      {
        refundReason: l.reason,
        charge: {
          chargeType: c.chargeType,
          chargeName: c.chargeName ?? (c.chargeType === 'PRODUCT' ? 'ItemPrice' : 'Shipping'),
          chargeAmount: money(currency, Math.max(0, amount)),
          ...(tax > 0 ? { tax: { taxName: c.tax?.taxName ?? 'Tax1', taxAmount: money(currency, tax) } } : {}),
        },
      },
    ];
  });
  return charges.length > 0 ? charges : [partialCharge(l)];
}

/** `POST /v3/orders/{po}/refund` body: negative amounts, the operator's reason on every charge. */
export function walmartRefundBody(purchaseOrderId: string, lines: RefundLine[], comments: string | null) {
  return {
    orderRefund: {
      purchaseOrderId,
      orderLines: {
        orderLine: lines.map((l) => ({
          lineNumber: l.lineNumber,
          isFullRefund: l.isFullRefund,
          refunds: {
            refund: [
              {
                ...(comments ? { refundComments: comments } : {}),
                refundCharges: { refundCharge: l.isFullRefund ? fullCharges(l) : [partialCharge(l)] },
              },
            ],
          },
        })),
      },
    },
  };
}

/**
 * `POST /v3/returns/{returnOrderId}/refund` body (the model's RefundRequest): the units to refund per return line,
 * `returnOrderLineNumber` as the integer Walmart numbers it. Walmart computes the amounts itself and takes no
 * reason. A line number that is not Walmart's whole number is refused here, before anything is sent.
 */
export function walmartReturnRefundBody(p: ReturnRefundPayload) {
  return {
    customerOrderId: p.customerOrderId,
    refundLines: p.lines.map((l, i) => {
      if (!/^\d+$/.test(l.returnLineNumber))
        throw new ChannelError(
          'WALMART',
          'INVALID_REQUEST',
          `lines[${i}].returnLineNumber must be Walmart's whole return line number (got ${JSON.stringify(l.returnLineNumber)})`,
          { field: `lines[${i}].returnLineNumber`, operation: 'returns.refund' },
        );
      if (!Number.isInteger(l.quantity) || l.quantity < 1)
        throw new ChannelError(
          'WALMART',
          'INVALID_REQUEST',
          `lines[${i}].quantity must be a whole number of units, 1 or more (got ${l.quantity})`,
          { field: `lines[${i}].quantity`, operation: 'returns.refund' },
        );
      return {
        returnOrderLineNumber: Number(l.returnLineNumber),
        quantity: { unitOfMeasure: 'EA', measurementValue: l.quantity },
      };
    }),
  };
}
