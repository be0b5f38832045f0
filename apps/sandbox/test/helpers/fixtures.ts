import { T0 } from './sandbox';

/** A createFulfillmentOrder body as the hub sends it for a Walmart order. */
export function mcfOrder(id: string, sku: string, quantity: number, blockAmzl: boolean) {
  return {
    marketplaceId: 'ATVPDKIKX0DER',
    sellerFulfillmentOrderId: id,
    displayableOrderId: id,
    displayableOrderDate: T0.toISOString(),
    displayableOrderComment: 'Thank you for your order',
    shippingSpeedCategory: 'Standard',
    destinationAddress: {
      name: 'Maria Lopez',
      addressLine1: '2210 Cedar Ave',
      city: 'Austin',
      stateOrRegion: 'TX',
      postalCode: '78704',
      countryCode: 'US',
      phone: '5125550199',
    },
    fulfillmentAction: 'Ship',
    fulfillmentPolicy: 'FillOrKill',
    featureConstraints: [
      { featureName: 'BLANK_BOX', featureFulfillmentPolicy: 'Required' },
      { featureName: 'BLOCK_AMZL', featureFulfillmentPolicy: blockAmzl ? 'Required' : 'NotRequired' },
    ],
    items: [{ sellerSku: sku, sellerFulfillmentOrderItemId: `${id}-1`, quantity }],
  };
}

export const SINGLE = { mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 } };

export function shipLine(
  lineNumber: string,
  quantity: number,
  tracking: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  const { currentTrackingInfo, ...lineExtra } = extra;
  return {
    lineNumber,
    sellerOrderId: 'HUB-42',
    ...lineExtra,
    orderLineStatuses: {
      orderLineStatus: [
        {
          status: 'Shipped',
          statusQuantity: { unitOfMeasurement: 'EACH', amount: String(quantity) },
          trackingInfo: {
            shipDateTime: T0.getTime(),
            carrierName: { carrier: 'UPS' },
            methodCode: 'Standard',
            trackingNumber: '1Z999AA10123456784',
            ...tracking,
          },
          ...(currentTrackingInfo ? { currentTrackingInfo } : {}),
        },
      ],
    },
  };
}

export const shipment = (...lines: unknown[]) => ({ orderShipment: { orderLines: { orderLine: lines } } });

export function cancellation(lineNumber: string, quantity: number, reason = 'SELLER_CANCEL_OUT_OF_STOCK') {
  return {
    orderCancellation: {
      orderLines: {
        orderLine: [
          {
            lineNumber,
            orderLineStatuses: {
              orderLineStatus: [
                {
                  status: 'Cancelled',
                  cancellationReason: reason,
                  statusQuantity: { unitOfMeasurement: 'EACH', amount: String(quantity) },
                },
              ],
            },
          },
        ],
      },
    },
  };
}

export function refund(purchaseOrderId: string, lineNumber: string, amount: number, tax?: number) {
  return {
    orderRefund: {
      purchaseOrderId,
      orderLines: {
        orderLine: [
          {
            lineNumber,
            refunds: {
              refund: [
                {
                  refundComments: 'Damaged in transit',
                  refundCharges: {
                    refundCharge: [
                      {
                        refundReason: 'DamagedItem',
                        charge: {
                          chargeType: 'PRODUCT',
                          chargeName: 'ItemPrice',
                          chargeAmount: { currency: 'USD', amount },
                          ...(tax !== undefined
                            ? { tax: { taxName: 'Tax1', taxAmount: { currency: 'USD', amount: tax } } }
                            : {}),
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  };
}

export function lineStatuses(
  order: any,
  lineNumber = '1',
): { status: string; amount: string; reason?: string; tracking?: string }[] {
  const line = order.orderLines.orderLine.find((l: any) => l.lineNumber === lineNumber);
  return line.orderLineStatuses.orderLineStatus.map((s: any) => ({
    status: s.status,
    amount: s.statusQuantity.amount,
    ...(s.cancellationReason ? { reason: s.cancellationReason } : {}),
    ...(s.trackingInfo ? { tracking: s.trackingInfo.trackingNumber } : {}),
  }));
}
