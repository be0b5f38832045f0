import type { WalmartBucket, WalmartLine, WalmartOrder, WalmartTracking } from '../state/types';
import { TRACKING_EDIT_WINDOW_MS } from './enums';
import { invalidContent } from './errors';
import { moveQuantity, quantityIn } from './lifecycle';
import { type WalmartQuantity, epochMillis, nonEmpty, oneOf, quantity, root, text } from './validate';

interface ShipInstruction {
  line: WalmartLine;
  quantity: number;
  tracking: WalmartTracking;
  currentTrackingNumber?: string;
  path: string;
}

interface TrackingBody {
  shipDateTime: number;
  carrierName: { carrier?: string; otherCarrier?: string };
  methodCode: string;
  trackingNumber: string;
  trackingURL?: string;
}

interface ShipLineBody {
  lineNumber: string;
  sellerOrderId: string;
  intentToCancelOverride?: boolean;
  orderLineStatuses: {
    orderLineStatus: {
      status: string;
      statusQuantity: WalmartQuantity;
      trackingInfo: TrackingBody;
      currentTrackingInfo?: { trackingNumber?: string };
    }[];
  };
}

interface ShipBody {
  orderShipment: { processMode?: string; orderLines: { orderLine: ShipLineBody[] } };
}

function parseTracking(t: TrackingBody, path: string): WalmartTracking {
  const tracking: WalmartTracking = {
    shipDateTime: epochMillis(t.shipDateTime, `${path}.shipDateTime`),
    methodCode: t.methodCode,
    trackingNumber: text(t.trackingNumber, `${path}.trackingNumber`, { maxLength: 80 }),
  };
  // Amazon Logistics numbers: Walmart's system rejects them (an Amazon last-mile carrier is prohibited).
  if (/^TBA\d/i.test(tracking.trackingNumber.trim())) {
    throw invalidContent(
      `${path}.trackingNumber`,
      `${path}.trackingNumber ${tracking.trackingNumber} is an Amazon Logistics (TBA) number; Walmart does not accept Amazon Logistics as a carrier`,
    );
  }
  const { carrier, otherCarrier } = t.carrierName;
  if ((carrier === undefined) === (otherCarrier === undefined)) {
    throw invalidContent(`${path}.carrierName`, `${path}.carrierName needs exactly one of carrier or otherCarrier`);
  }
  if (carrier !== undefined) tracking.carrier = carrier;
  else {
    tracking.otherCarrier = text(otherCarrier ?? '', `${path}.carrierName.otherCarrier`);
    if (t.trackingURL === undefined)
      throw invalidContent(`${path}.trackingURL`, `${path}.trackingURL is required when otherCarrier is used`);
  }
  if (t.trackingURL !== undefined) {
    if (!/^https?:\/\/[^\s/]+\.[^\s]+$/.test(t.trackingURL))
      throw invalidContent(`${path}.trackingURL`, `${path}.trackingURL must be an http(s) URL`);
    tracking.trackingURL = t.trackingURL;
  }
  return tracking;
}

function parseShipment(order: WalmartOrder, body: ShipBody, partialUpdate: boolean): ShipInstruction[] {
  const lines = nonEmpty(body.orderShipment.orderLines.orderLine, 'orderShipment.orderLines.orderLine');
  return lines.flatMap((l, i) => {
    const path = `orderShipment.orderLines.orderLine[${i}]`;
    const line = order.lines.find((x) => x.lineNumber === l.lineNumber);
    if (!line)
      throw invalidContent(`${path}.lineNumber`, `Line ${l.lineNumber} does not exist in PO ${order.purchaseOrderId}`);
    // The first seller order id sent stays on the line.
    line.sellerOrderId ??= l.sellerOrderId;
    if (line.intentToCancel && !l.intentToCancelOverride && !partialUpdate) {
      throw invalidContent(
        `${path}.intentToCancelOverride`,
        `Line ${l.lineNumber} of PO ${order.purchaseOrderId} has a customer intent to cancel; cancel it or ship with intentToCancelOverride: true`,
      );
    }
    const statuses = nonEmpty(l.orderLineStatuses.orderLineStatus, `${path}.orderLineStatuses.orderLineStatus`);
    return statuses.map((s, j) => {
      const sp = `${path}.orderLineStatuses.orderLineStatus[${j}]`;
      oneOf(s.status, `${sp}.status`, ['Shipped']);
      if (s.currentTrackingInfo && s.currentTrackingInfo.trackingNumber === undefined) {
        throw invalidContent(
          `${sp}.currentTrackingInfo.trackingNumber`,
          `${sp}.currentTrackingInfo.trackingNumber names the shipment to replace`,
        );
      }
      return {
        line,
        quantity: quantity(s.statusQuantity, `${sp}.statusQuantity`),
        tracking: parseTracking(s.trackingInfo, `${sp}.trackingInfo`),
        currentTrackingNumber: s.currentTrackingInfo?.trackingNumber,
        path: sp,
      };
    });
  });
}

function shipNew(order: WalmartOrder, instructions: ShipInstruction[], now: number): void {
  const wanted = new Map<WalmartLine, number>();
  for (const ins of instructions) wanted.set(ins.line, (wanted.get(ins.line) ?? 0) + ins.quantity);
  for (const [line, qty] of wanted) {
    const acknowledged = quantityIn(line, ['Acknowledged']);
    const created = quantityIn(line, ['Created']);
    if (acknowledged === 0 && created === 0) {
      const status = line.buckets.find((b) => b.quantity > 0)?.status.toUpperCase() ?? 'CANCELLED';
      throw invalidContent(
        'orderLine',
        `Unable to process this request. The Line: ${line.lineNumber} of PO: ${order.purchaseOrderId} is in ${status} status`,
      );
    }
    if (qty > acknowledged + created) {
      throw invalidContent(
        'statusQuantity',
        `Failed when called shipConfirm API for ${order.purchaseOrderId}. Qty OverShipped : Some or All Line(s)/Qty cannot be Shipped due to invalid Lines Or invalid Qty Or Qty more than allowed`,
      );
    }
    if (qty > acknowledged) {
      throw invalidContent(
        'orderLine',
        `Line ${line.lineNumber} of PO ${order.purchaseOrderId} must be acknowledged before it is shipped`,
      );
    }
  }
  for (const ins of instructions) {
    moveQuantity(ins.line, ['Acknowledged'], ins.quantity, {
      status: 'Shipped',
      tracking: ins.tracking,
      shippedAt: now,
    });
    ins.line.statusDate = now;
  }
}

function findShippedBucket(order: WalmartOrder, ins: ShipInstruction): WalmartBucket {
  const shipped = ins.line.buckets.filter((b) => b.status === 'Shipped' && b.tracking);
  const bucket = ins.currentTrackingNumber
    ? shipped.find((b) => b.tracking?.trackingNumber === ins.currentTrackingNumber)
    : shipped.length === 1
      ? shipped[0]
      : undefined;
  if (!bucket) {
    const why =
      shipped.length === 0
        ? 'has no shipped quantity to update'
        : 'has several shipments: name the one to replace in currentTrackingInfo.trackingNumber';
    throw invalidContent(
      `${ins.path}.currentTrackingInfo`,
      `PARTIAL_UPDATE: line ${ins.line.lineNumber} of PO ${order.purchaseOrderId} ${why}`,
    );
  }
  return bucket;
}

function updateTracking(order: WalmartOrder, instructions: ShipInstruction[], now: number): void {
  const targets = instructions.map((ins) => {
    const bucket = findShippedBucket(order, ins);
    if (now - (bucket.shippedAt ?? 0) > TRACKING_EDIT_WINDOW_MS) {
      throw invalidContent(
        `${ins.path}.trackingInfo`,
        `Tracking for line ${ins.line.lineNumber} of PO ${order.purchaseOrderId} can only be changed within 4 hours of shipment`,
      );
    }
    if (ins.quantity > bucket.quantity)
      throw invalidContent(
        `${ins.path}.statusQuantity`,
        `PARTIAL_UPDATE quantity exceeds the ${bucket.quantity} units shipped under that tracking number`,
      );
    return { ins, bucket };
  });
  for (const { ins, bucket } of targets) {
    if (ins.quantity === bucket.quantity) bucket.tracking = ins.tracking;
    else {
      bucket.quantity -= ins.quantity;
      ins.line.buckets.push({
        status: 'Shipped',
        quantity: ins.quantity,
        tracking: ins.tracking,
        shippedAt: bucket.shippedAt,
      });
    }
    ins.line.statusDate = now;
  }
}

/** `POST /v3/orders/{po}/shipping`: ships acknowledged units, or with PARTIAL_UPDATE corrects tracking within 4 hours. */
export function applyShipment(order: WalmartOrder, raw: unknown, now: number): void {
  if (order.shipNodeType !== 'SellerFulfilled')
    throw invalidContent(
      'purchaseOrderId',
      `PO ${order.purchaseOrderId} is fulfilled by Walmart (WFS) and cannot be shipped by the seller`,
    );
  const body = { orderShipment: root<ShipBody['orderShipment']>(raw, 'orderShipment') };
  const processMode = body.orderShipment.processMode;
  if (processMode !== undefined) oneOf(processMode, 'orderShipment.processMode', ['PARTIAL_UPDATE']);
  const partial = processMode === 'PARTIAL_UPDATE';
  const instructions = parseShipment(order, body, partial);
  if (partial) updateTracking(order, instructions, now);
  else shipNew(order, instructions, now);
  order.lastModified = now;
}
