import type { WalmartBucket, WalmartLine, WalmartOrder } from '../state/types';

export interface SerializeOptions {
  productInfo?: boolean;
  replacementInfo?: boolean;
}

const money = (amount: number) => ({ currency: 'USD', amount: round(amount) });

export function round(amount: number): number {
  return Math.round(amount * 100) / 100;
}

export function lineCharges(line: WalmartLine) {
  const charges: { chargeType: string; chargeName: string; amount: number; tax: number }[] = [
    {
      chargeType: 'PRODUCT',
      chargeName: 'ItemPrice',
      amount: round(line.unitPrice * line.quantity),
      tax: round(line.unitTax * line.quantity),
    },
  ];
  if (line.shippingPrice > 0)
    charges.push({ chargeType: 'SHIPPING', chargeName: 'Shipping', amount: line.shippingPrice, tax: 0 });
  return charges;
}

function serializeBucket(order: WalmartOrder, bucket: WalmartBucket) {
  const out: Record<string, unknown> = {
    status: bucket.status,
    statusQuantity: { unitOfMeasurement: 'EACH', amount: String(bucket.quantity) },
  };
  if (bucket.cancellationReason) out.cancellationReason = bucket.cancellationReason;
  const t = bucket.tracking;
  if (t) {
    out.trackingInfo = {
      shipDateTime: t.shipDateTime,
      carrierName: t.carrier ? { carrier: t.carrier } : { otherCarrier: t.otherCarrier },
      methodCode: t.methodCode,
      trackingNumber: t.trackingNumber,
      trackingURL:
        t.trackingURL ??
        `https://www.walmart.com/tracking?tracking_id=${encodeURIComponent(t.trackingNumber)}&order_id=${order.purchaseOrderId}`,
    };
  }
  return out;
}

function serializeLine(order: WalmartOrder, line: WalmartLine, options: SerializeOptions) {
  const item: Record<string, unknown> = { productName: line.productName, sku: line.sku, condition: 'New' };
  if (options.productInfo) {
    item.imageUrl = line.imageUrl;
    item.weight = { value: line.weightLb.toFixed(2), unit: 'LB' };
  }
  const out: Record<string, unknown> = {
    lineNumber: line.lineNumber,
    item,
    charges: {
      charge: lineCharges(line).map((c) => ({
        chargeType: c.chargeType,
        chargeName: c.chargeName,
        chargeAmount: money(c.amount),
        tax: { taxName: 'Tax1', taxAmount: money(c.tax) },
      })),
    },
    orderLineQuantity: { unitOfMeasurement: 'EACH', amount: String(line.quantity) },
    statusDate: line.statusDate,
    orderLineStatuses: {
      orderLineStatus: line.buckets.filter((b) => b.quantity > 0).map((b) => serializeBucket(order, b)),
    },
    fulfillment: {
      fulfillmentOption: 'S2H',
      shipMethod: order.methodCode.toUpperCase(),
      pickUpDateTime: order.estimatedDeliveryDate,
      ...(order.shippingProgramType ? { shippingProgramType: order.shippingProgramType } : {}),
    },
  };
  if (line.intentToCancel) out.intentToCancel = 'Y';
  if (line.sellerOrderId) out.sellerOrderId = line.sellerOrderId;
  if (line.refunds.length > 0) {
    out.refund = {
      refundId: line.refunds[line.refunds.length - 1].refundId,
      ...(line.refunds[line.refunds.length - 1].refundComments
        ? { refundComments: line.refunds[line.refunds.length - 1].refundComments }
        : {}),
      refundCharges: {
        refundCharge: line.refunds.flatMap((r) =>
          r.charges.map((c) => ({
            refundReason: c.refundReason,
            charge: {
              chargeType: c.chargeType,
              chargeName: c.chargeName,
              chargeAmount: money(c.amount),
              ...(c.taxAmount !== undefined
                ? { tax: { taxName: c.taxName ?? 'Tax1', taxAmount: money(c.taxAmount) } }
                : {}),
            },
          })),
        ),
      },
    };
  }
  return out;
}

/** The order exactly as Walmart sends it: epoch-millisecond dates, string quantities and line numbers. */
export function serializeWalmartOrder(order: WalmartOrder, options: SerializeOptions = {}) {
  const total = order.lines.reduce((sum, line) => sum + lineCharges(line).reduce((s, c) => s + c.amount + c.tax, 0), 0);
  return {
    purchaseOrderId: order.purchaseOrderId,
    customerOrderId: order.customerOrderId,
    customerEmailId: order.customerEmailId,
    ...(options.replacementInfo ? { orderType: 'REGULAR' } : {}),
    orderDate: order.orderDate,
    shippingInfo: {
      phone: order.phone,
      estimatedDeliveryDate: order.estimatedDeliveryDate,
      estimatedShipDate: order.estimatedShipDate,
      methodCode: order.methodCode,
      postalAddress: { ...order.address },
    },
    orderLines: { orderLine: order.lines.map((line) => serializeLine(order, line, options)) },
    paymentTypes: ['CREDITCARD'],
    orderSummary: { totalAmount: { currencyAmount: round(total), currencyUnit: 'USD' } },
    shipNode: { type: order.shipNodeType },
  };
}
