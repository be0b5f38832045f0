import type { AmazonOrder, McfOrder } from '../../state/types';
import { fulfillmentStatus } from '../orders/serialize';

/** What the subscription adds to every notification's metadata. */
export interface EnvelopeMeta {
  applicationId: string;
  subscriptionId: string;
  notificationId: string;
  /** Sandbox clock. */
  publishedAt: number;
}

export type OrderChangeKind = 'CREATED' | 'CHANGED' | 'CANCEL_REQUESTED' | 'AUTO_CANCELLED' | 'FRAUD_CANCELLED';

const iso = (ms: number) => new Date(ms).toISOString();

const ORDER_STATUS = {
  PENDING: 'Pending',
  UNSHIPPED: 'Unshipped',
  PARTIALLY_SHIPPED: 'PartiallyShipped',
  SHIPPED: 'Shipped',
  CANCELLED: 'Canceled',
} as const;

function envelope(type: string, payload: Record<string, unknown>, eventAt: number, meta: EnvelopeMeta) {
  return {
    NotificationVersion: '1.0',
    NotificationType: type,
    PayloadVersion: '1.0',
    EventTime: iso(eventAt),
    Payload: payload,
    NotificationMetadata: {
      ApplicationId: meta.applicationId,
      SubscriptionId: meta.subscriptionId,
      PublishTime: iso(meta.publishedAt),
      NotificationId: meta.notificationId,
    },
  };
}

/**
 * ORDER_CHANGE per OrderChangeNotification.json: a buyer's cancel request is a BuyerRequestedChange, every other
 * change (a new order included) an OrderStatusChange with the order's summary as it is now.
 */
export function orderChangeNotification(
  sellerId: string,
  order: AmazonOrder,
  kind: OrderChangeKind,
  at: number,
  meta: EnvelopeMeta,
) {
  const shipped = order.items.reduce((s, i) => s + i.quantityShipped, 0);
  const open = order.items.reduce((s, i) => s + i.quantity - i.quantityShipped - i.quantityCancelled, 0);
  const buyerCancel = kind === 'CANCEL_REQUESTED';
  const programs = order.programs.filter((p): p is 'Business' | 'Prime' | 'Premium' =>
    ['Business', 'Prime', 'Premium'].includes(p),
  );
  return envelope(
    'ORDER_CHANGE',
    {
      OrderChangeNotification: {
        NotificationLevel: 'OrderLevel',
        SellerId: sellerId,
        AmazonOrderId: order.orderId,
        OrderChangeType: buyerCancel ? 'BuyerRequestedChange' : 'OrderStatusChange',
        OrderChangeTrigger: {
          TimeOfOrderChange: iso(at),
          ChangeReason: buyerCancel ? 'Buyer Requested Cancel' : 'Order Status Change',
        },
        Summary: {
          MarketplaceId: order.marketplaceId,
          OrderStatus: ORDER_STATUS[fulfillmentStatus(order)],
          PurchaseDate: iso(order.createdTime),
          DestinationPostalCode: order.address.postalCode ?? null,
          FulfillmentType: order.fulfilledBy === 'AMAZON' ? 'AFN' : 'MFN',
          OrderType: 'StandardOrder',
          NumberOfItemsShipped: shipped,
          NumberOfItemsUnshipped: open,
          EarliestDeliveryDate: iso(order.deliverBy.earliest),
          LatestDeliveryDate: iso(order.deliverBy.latest),
          EarliestShipDate: iso(order.shipBy.earliest),
          LatestShipDate: iso(order.shipBy.latest),
          ...(programs.length > 0 ? { OrderPrograms: programs } : {}),
          OrderItems: order.items.map((item) => ({
            OrderItemId: item.orderItemId,
            SellerSKU: item.sellerSku,
            SupplySourceId: null,
            OrderItemStatus: item.quantityShipped >= item.quantity - item.quantityCancelled ? 'Shipped' : 'Unshipped',
            Quantity: item.quantity,
            QuantityShipped: item.quantityShipped,
            IsBuyerRequestedCancel: item.buyerRequestedCancel !== undefined,
          })),
        },
      },
    },
    at,
    meta,
  );
}

/**
 * FULFILLMENT_ORDER_STATUS per FulfillmentOrderStatusNotification.json. The model requires a shipment and a return
 * item on every notification; before a shipment exists (or without a return) they carry empty values.
 */
export function fulfillmentOrderStatusNotification(sellerId: string, order: McfOrder, at: number, meta: EnvelopeMeta) {
  const shipment = order.shipments.at(-1);
  const packages = (shipment?.packages ?? []).map((p) => ({
    PackageNumber: p.packageNumber,
    CarrierCode: p.carrierCode,
    TrackingNumber: p.trackingNumber,
  }));
  return envelope(
    'FULFILLMENT_ORDER_STATUS',
    {
      FulfillmentOrderStatusNotification: {
        SellerId: sellerId,
        EventType: 'Order',
        StatusUpdatedDateTime: iso(order.statusUpdatedDate),
        SellerFulfillmentOrderId: order.sellerFulfillmentOrderId,
        FulfillmentOrderStatus: order.status,
        FulfillmentShipment: {
          FulfillmentShipmentStatus: shipment?.status ?? 'PENDING',
          AmazonShipmentId: shipment?.amazonShipmentId ?? '',
          EstimatedArrivalDateTime: shipment ? iso(shipment.estimatedArrivalDate) : '',
          // Required by the model and undescribed; its example repeats the first package there.
          info: packages[0] ?? {},
          FulfillmentShipmentPackages: packages,
        },
        FulfillmentReturnItem: { ReceivedDateTime: '', ReturnedQuantity: 0, SellerSKU: '' },
      },
    },
    at,
    meta,
  );
}
