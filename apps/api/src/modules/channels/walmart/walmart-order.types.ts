/** The parts of Walmart's Orders v3 payload the hub reads (dates are epoch ms, quantities strings). */
export interface WalmartMoney {
  currency: string;
  amount: number;
}

export interface WalmartTrackingInfo {
  shipDateTime: number;
  carrierName: { carrier?: string; otherCarrier?: string };
  methodCode?: string;
  trackingNumber: string;
  trackingURL?: string;
}

export interface WalmartLineStatus {
  status: 'Created' | 'Acknowledged' | 'Shipped' | 'Delivered' | 'Cancelled' | 'Refund';
  statusQuantity: { unitOfMeasurement?: string; amount: string };
  cancellationReason?: string;
  trackingInfo?: WalmartTrackingInfo;
}

export interface WalmartCharge {
  chargeType: string;
  chargeName?: string;
  chargeAmount: WalmartMoney;
  tax?: { taxName?: string; taxAmount: WalmartMoney } | null;
}

export interface WalmartOrderLine {
  lineNumber: string;
  item: { productName: string; sku: string };
  charges: { charge: WalmartCharge[] };
  orderLineQuantity: { unitOfMeasurement?: string; amount: string };
  statusDate: number;
  orderLineStatuses: { orderLineStatus: WalmartLineStatus[] };
  refund?: {
    refundId?: string;
    refundComments?: string;
    refundCharges?: { refundCharge: { refundReason?: string; charge: WalmartCharge }[] };
  } | null;
  intentToCancel?: string | null;
}

export interface WalmartOrder {
  purchaseOrderId: string;
  customerOrderId: string;
  /** REGULAR or REPLACEMENT, only with `replacementInfo=true`. */
  orderType?: string;
  originalCustomerOrderID?: string;
  orderDate: number;
  shippingInfo: {
    phone?: string;
    estimatedDeliveryDate?: number;
    estimatedShipDate?: number;
    methodCode?: string;
    postalAddress: {
      name: string;
      address1: string;
      address2?: string | null;
      city: string;
      state: string;
      postalCode: string;
      country: string;
    };
  };
  orderLines: { orderLine: WalmartOrderLine[] };
  /** The order total, in Walmart's other money shape. */
  orderSummary?: { totalAmount?: { currencyAmount: number; currencyUnit: string } };
  shipNode?: { type?: string; name?: string; id?: string };
}
