/** The parts of Amazon's Orders API 2026-01-01 `Order` the hub reads (ISO dates, decimal-string money). */
export interface AmazonMoney {
  amount: string;
  currencyCode: string;
}

/** ITEM, SHIPPING, GIFT_WRAP, COD_FEE, TAX, DISCOUNT, DELIVERY_TIP, OTHER. */
export interface AmazonProceedsBreakdown {
  type: string;
  subtotal: AmazonMoney;
}

export interface AmazonDateRange {
  earliestDateTime?: string;
  latestDateTime?: string;
}

export interface AmazonOrderItem {
  orderItemId: string;
  quantityOrdered: number;
  product: { asin?: string; title?: string; sellerSku?: string; price?: { unitPrice?: AmazonMoney } };
  proceeds?: { proceedsTotal?: AmazonMoney; breakdowns?: AmazonProceedsBreakdown[] };
  cancellation?: {
    cancellationRequest?: { requester?: string; cancelReason?: string };
    cancellationExecution?: { cancelledBy?: string; cancelReason?: string };
  };
  fulfillment?: { quantityFulfilled?: number; quantityUnfulfilled?: number };
}

export interface AmazonPackage {
  packageReferenceId: string;
  carrier?: string;
  shipTime?: string;
  shippingService?: string;
  trackingNumber?: string;
  packageStatus?: { status: string };
  packageItems?: { orderItemId: string; quantity: number }[];
}

export interface AmazonOrder {
  orderId: string;
  createdTime: string;
  lastUpdatedTime: string;
  programs?: string[];
  salesChannel: { channelName: string; marketplaceId?: string };
  recipient?: {
    deliveryAddress?: {
      name?: string;
      addressLine1?: string;
      addressLine2?: string;
      addressLine3?: string;
      city?: string;
      stateOrRegion?: string;
      postalCode?: string;
      countryCode?: string;
      phone?: string;
    };
  };
  proceeds?: { grandTotal?: AmazonMoney; breakdowns?: AmazonProceedsBreakdown[] };
  fulfillment?: {
    fulfillmentStatus: string;
    fulfilledBy?: string;
    fulfillmentServiceLevel?: string;
    shipByWindow?: AmazonDateRange;
    deliverByWindow?: AmazonDateRange;
  };
  orderItems: AmazonOrderItem[];
  packages?: AmazonPackage[];
}
