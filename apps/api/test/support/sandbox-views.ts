import type { Sandbox } from '@order-hub/sandbox';

/** The parts of a Walmart Orders v3 order (as the sandbox serves it) that tests read. */
export interface WalmartOrderView {
  purchaseOrderId: string;
  orderLines: {
    orderLine: {
      lineNumber: string;
      orderLineStatuses: { orderLineStatus: { status: string; trackingInfo?: { trackingNumber: string } }[] };
    }[];
  };
}

/** A Walmart order as the sandbox would answer GET /v3/orders/{purchaseOrderId}. */
export function walmartOrderView(sandbox: Sandbox, purchaseOrderId: string): WalmartOrderView {
  return (sandbox.orderState('WALMART', purchaseOrderId).view as { order: WalmartOrderView }).order;
}

/** The first status bucket of a Walmart order's first line. */
export function firstWalmartLineStatus(sandbox: Sandbox, purchaseOrderId: string) {
  return walmartOrderView(sandbox, purchaseOrderId).orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0];
}
