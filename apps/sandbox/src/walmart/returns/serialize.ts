import { round } from '../serialize';
import { isDelivered, lineStatus, lineStatusTime, refundedQty } from './lifecycle';
import type { WalmartReturn, WalmartReturnLine } from './types';

const DAY = 24 * 3600 * 1000;
/** The returns model's example gives the buyer 30 days from the return's creation to send the item back. */
const RETURN_BY_MS = 30 * DAY;

const money = (amount: number) => ({ currencyAmount: round(amount), currencyUnit: 'USD' });
const iso = (ms: number) => new Date(ms).toISOString();
const each = (measurementValue: number) => ({ measurementValue, unitOfMeasure: 'EACH' });

/**
 * Journey events, newest first as in the model's example. RETURN_INITIATED and RETURN_IN_TRANSIT are the model's own
 * tags; RETURN_DELIVERED (received at the return centre) follows their naming.
 */
function trackingDetail(ret: WalmartReturn, now: number) {
  const ref = { name: 'ReturnDate', value: iso(ret.returnOrderDate) };
  const events = [
    {
      eventTag: 'RETURN_INITIATED',
      eventDescription: 'Return initiated for MARKET_PLACE',
      eventTime: ret.returnOrderDate,
    },
    { eventTag: 'RETURN_IN_TRANSIT', eventDescription: 'A MARKET_PLACE Return in Transit', eventTime: ret.inTransitAt },
    {
      eventTag: 'RETURN_DELIVERED',
      eventDescription: 'A MARKET_PLACE Return delivered to the return center',
      eventTime: ret.deliveredAt,
    },
  ];
  return events
    .map((e, sequenceNo) => ({ ...e, sequenceNo }))
    .filter((e) => e.eventTime <= now)
    .reverse()
    .map((e) => ({
      sequenceNo: e.sequenceNo,
      eventTag: e.eventTag,
      eventDescription: e.eventDescription,
      eventTime: iso(e.eventTime),
      references: [ref],
    }));
}

/** Units by state: awaiting receipt (INITIATED), received and not refunded (DELIVERED), refunded (COMPLETED). */
function currentTrackingStatuses(ret: WalmartReturn, line: WalmartReturnLine, now: number) {
  const left = line.quantity - refundedQty(line);
  const out: Record<string, unknown>[] = [];
  if (left > 0) {
    const delivered = isDelivered(ret, now);
    out.push({
      status: delivered ? 'DELIVERED' : 'INITIATED',
      statusTime: iso(delivered ? ret.deliveredAt : ret.returnOrderDate),
      quantity: each(left),
    });
  }
  for (const r of line.refunds)
    out.push({
      status: 'COMPLETED',
      statusTime: iso(r.at),
      currentRefundStatus: 'REFUND_COMPLETED',
      quantity: each(r.quantity),
    });
  return out;
}

function deliveryStatus(ret: WalmartReturn, now: number): string {
  if (isDelivered(ret, now)) return 'DELIVERED';
  return ret.inTransitAt <= now ? 'IN_TRANSIT' : 'NOT_SHIPPED';
}

function serializeLine(ret: WalmartReturn, line: WalmartReturnLine, now: number) {
  const refundedUnits = refundedQty(line);
  const sub = line.unitPrice * line.quantity;
  const tax = line.unitTax * line.quantity;
  const status = lineStatus(ret, line, now);
  const last = line.refunds.at(-1);
  const channels = new Map<string, number>();
  for (const r of line.refunds) channels.set(r.refundChannel, (channels.get(r.refundChannel) ?? 0) + r.quantity);
  return {
    returnOrderLineNumber: line.returnOrderLineNumber,
    salesOrderLineNumber: line.purchaseOrderLineNumber,
    ...(line.sellerOrderId ? { sellerOrderId: line.sellerOrderId } : {}),
    returnReason: line.returnReason,
    purchaseOrderId: ret.purchaseOrderId,
    purchaseOrderLineNumber: line.purchaseOrderLineNumber,
    isReturnForException: false,
    item: { sku: line.sku, condition: 'New', productName: line.productName },
    charges: [
      {
        chargeCategory: 'PRODUCT',
        chargeName: 'ItemPrice',
        chargePerUnit: money(line.unitPrice),
        isDiscount: false,
        isBillable: true,
        tax: [{ taxName: 'Tax1', taxPerUnit: money(line.unitTax), excessTax: money(0) }],
        excessCharge: money(0),
      },
    ],
    unitPrice: money(line.unitPrice),
    chargeTotals: [
      { name: 'lineUnitPrice', value: money(line.unitPrice) },
      { name: 'lineProductTaxes', value: money(tax) },
      { name: 'lineTotalTaxes', value: money(tax) },
      { name: 'lineSubTotal', value: money(sub) },
      { name: 'lineTotal', value: money(sub + tax) },
    ],
    cancellableQty: ret.inTransitAt <= now ? 0 : line.quantity,
    quantity: each(line.quantity),
    returnExpectedFlag: true,
    isFastReplacement: false,
    isKeepIt: false,
    lastItem: false,
    refundedQty: refundedUnits,
    rechargeableQty: 0,
    ...(last ? { refundChannel: last.refundChannel } : {}),
    // The model's description of refundChannelName repeats returnChannel's values; its example carries the refund
    // channel (SELLER_MANUAL_REFUND), which is what a reader needs per quantity, so the sandbox follows the example.
    refundChannels: [...channels].map(([refundChannelName, q]) => ({ refundChannelName, quantity: each(q) })),
    returnTrackingDetail: trackingDetail(ret, now),
    status,
    statusTime: iso(lineStatusTime(ret, line, now)),
    currentDeliveryStatus: deliveryStatus(ret, now),
    ...(status === 'COMPLETED' ? { currentRefundStatus: 'REFUND_COMPLETED' } : {}),
    currentTrackingStatuses: currentTrackingStatuses(ret, line, now),
  };
}

/** One return order as GET /v3/returns answers it; `returnType` only when asked for with replacementInfo=true. */
export function serializeReturn(ret: WalmartReturn, now: number, options: { replacementInfo?: boolean } = {}) {
  const total = ret.lines.reduce((s, l) => s + (l.unitPrice + l.unitTax) * l.quantity, 0);
  return {
    returnOrderId: ret.returnOrderId,
    customerEmailId: ret.customerEmailId,
    ...(options.replacementInfo ? { returnType: 'REFUND' } : {}),
    customerName: ret.customerName,
    customerOrderId: ret.customerOrderId,
    returnOrderDate: iso(ret.returnOrderDate),
    returnByDate: iso(ret.returnOrderDate + RETURN_BY_MS),
    refundMode: 'POST_DELIVERY',
    totalRefundAmount: money(total),
    returnLineGroups: [
      {
        groupNo: 1,
        returnLines: ret.lines.map((l) => ({ returnOrderLineNumber: l.returnOrderLineNumber })),
        labels: [
          {
            labelImageURL: ret.label.labelImageURL,
            carrierInfoList: [
              {
                carrierId: ret.label.carrierId,
                carrierName: ret.label.carrierName,
                serviceType: ret.label.serviceType,
                trackingNo: ret.label.trackingNo,
              },
            ],
          },
        ],
        returnExpectedFlag: true,
      },
    ],
    returnOrderLines: ret.lines.map((l) => serializeLine(ret, l, now)),
    returnChannel: { channelName: ret.channelName },
  };
}
