import { walmartMethodCode } from '@order-hub/rules';
import type { CancelPayload, ShipPayload, UpdateTrackingPayload } from '@order-hub/types';
import type { WalmartCharge } from './walmart-order.types';

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

/** `POST /v3/orders/{po}/shipping` body; a tracking correction adds processMode and names the number it replaces. */
export function walmartShipBody(p: ShipPayload | UpdateTrackingPayload) {
  const correction = 'previousTrackingNumber' in p;
  return {
    orderShipment: {
      ...(correction ? { processMode: 'PARTIAL_UPDATE' } : {}),
      orderLines: {
        orderLine: p.lines.map((l) => ({
          lineNumber: l.lineNumber,
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
            orderLineStatus: [{ status: 'Cancelled', cancellationReason: l.reason, statusQuantity: { unitOfMeasurement: EACH, amount: String(l.quantity) } }],
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
  /** The line's product charge, for a partial refund's share of the tax. */
  productCharge?: WalmartCharge;
}

/** `POST /v3/orders/{po}/refund` body: negative amounts; a partial refund carries its share of the product tax. */
export function walmartRefundBody(purchaseOrderId: string, lines: RefundLine[], comments: string | null) {
  return {
    orderRefund: {
      purchaseOrderId,
      orderLines: {
        orderLine: lines.map((l) => {
          if (l.isFullRefund) return { lineNumber: l.lineNumber, isFullRefund: true };
          const charge = l.productCharge;
          const taxCents = charge?.tax && charge.chargeAmount.amount > 0 ? Math.round((l.amountCents * charge.tax.taxAmount.amount) / charge.chargeAmount.amount) : 0;
          return {
            lineNumber: l.lineNumber,
            isFullRefund: false,
            refunds: {
              refund: [
                {
                  ...(comments ? { refundComments: comments } : {}),
                  refundCharges: {
                    refundCharge: [
                      {
                        refundReason: l.reason,
                        charge: {
                          chargeType: 'PRODUCT',
                          chargeName: charge?.chargeName ?? 'ItemPrice',
                          chargeAmount: { currency: charge?.chargeAmount.currency ?? 'USD', amount: -l.amountCents / 100 },
                          ...(taxCents > 0 ? { tax: { taxName: charge?.tax?.taxName ?? 'Tax1', taxAmount: { currency: charge?.chargeAmount.currency ?? 'USD', amount: -taxCents / 100 } } } : {}),
                        },
                      },
                    ],
                  },
                },
              ],
            },
          };
        }),
      },
    },
  };
}
