import { Random } from '../random';
import type { AccountData, WalmartLine, WalmartOrder } from '../state/types';
import { trackWalmartDeadline } from '../walmart/lifecycle';
import { generateWalmartReturn } from '../walmart/returns/generate';
import { PRODUCTS } from './data';
import { applyWalmartHistory } from './history';
import { DEFAULT_MIX, type GenerateOptions } from './options';
import { person } from './people';
import { trackingFor } from './tracking';

const HOUR = 3600 * 1000;
/** About one delivered order in twelve comes back, near what marketplace sellers report for general merchandise. */
const RETURN_SHARE = 0.08;

function line(random: Random, lineNumber: number, quantity: number, orderDate: number): WalmartLine {
  const product = random.pick(PRODUCTS);
  return {
    lineNumber: String(lineNumber),
    sku: product.sku,
    productName: product.title,
    quantity,
    unitPrice: product.price,
    unitTax: Math.round(product.price * 0.0725 * 100) / 100,
    shippingPrice: random.chance(0.2) ? 5.99 : 0,
    weightLb: product.weightLb,
    imageUrl: `https://i5.walmartimages.com/asr/${random.alnum(8, '0123456789abcdef')}-${random.alnum(4, '0123456789abcdef')}.jpeg`,
    intentToCancel: false,
    statusDate: orderDate,
    buckets: [{ status: 'Created', quantity }],
    refunds: [],
  };
}

function uniqueId(random: Random, taken: Map<string, unknown>): string {
  let id = '';
  do id = `${random.int(1, 9)}${random.digits(12)}`;
  while (taken.has(id));
  return id;
}

/** Walmart orders as Walmart would release them: seller-fulfilled lines start Created; WFS orders arrive Acknowledged or Shipped. */
export function generateWalmartOrders(
  data: AccountData,
  random: Random,
  now: number,
  options: GenerateOptions,
): WalmartOrder[] {
  const mix = { ...DEFAULT_MIX, ...options.mix };
  const [minShip, maxShip] = options.shipByHours ?? [24, 72];
  const window = (options.placedWithinHours ?? 72) * HOUR;
  const orders: WalmartOrder[] = [];
  const history = options.history ? new Random(Math.floor(random.next() * 2 ** 32)) : undefined;
  for (let i = 0; i < options.count; i += 1) {
    const buyer = person(random);
    const orderDate = now - Math.floor(random.next() * window) - 60_000;
    const twoDay = random.chance(mix.prime);
    const estimatedShipDate =
      orderDate + Math.round((twoDay ? minShip : minShip + random.next() * (maxShip - minShip)) * HOUR);
    const lineCount = random.chance(mix.multiLine) ? random.int(2, 4) : 1;
    const wfs = random.chance(mix.channelFulfilled);
    const order: WalmartOrder = {
      purchaseOrderId: uniqueId(random, data.walmartOrders),
      customerOrderId: `${random.int(1, 9)}${random.digits(12)}`,
      customerEmailId: `${random.alnum(32, '0123456789ABCDEF')}@relay.walmart.com`,
      orderDate,
      lastModified: orderDate,
      shipNodeType: wfs ? 'WFSFulfilled' : 'SellerFulfilled',
      ...(twoDay ? { shippingProgramType: 'TWO_DAY' as const } : {}),
      phone: buyer.phone,
      estimatedShipDate,
      estimatedDeliveryDate: estimatedShipDate + (twoDay ? 2 : random.int(3, 6)) * 24 * HOUR,
      methodCode: twoDay ? 'Express' : random.pick(['Standard', 'Standard', 'Value']),
      address: {
        name: buyer.name,
        address1: buyer.address1,
        ...(buyer.address2 ? { address2: buyer.address2 } : {}),
        city: buyer.city,
        state: buyer.state,
        postalCode: buyer.postalCode,
        country: 'USA',
        addressType: buyer.residential ? 'RESIDENTIAL' : 'OFFICE',
      },
      lines: Array.from({ length: lineCount }, (_, n) =>
        line(random, n + 1, random.chance(mix.multiQuantity) ? random.int(2, 5) : 1, orderDate),
      ),
    };
    if (wfs) {
      const shipped = now - orderDate > 24 * HOUR;
      for (const l of order.lines) {
        l.buckets = shipped
          ? [
              {
                status: 'Shipped',
                quantity: l.quantity,
                shippedAt: orderDate + 20 * HOUR,
                tracking: {
                  shipDateTime: orderDate + 20 * HOUR,
                  carrier: 'FedEx',
                  methodCode: order.methodCode,
                  trackingNumber: trackingFor('FedEx', random),
                },
              },
            ]
          : [{ status: 'Acknowledged', quantity: l.quantity }];
      }
    } else if (random.chance(mix.intentToCancel)) {
      random.pick(order.lines).intentToCancel = true;
    }
    // The seller's past actions draw from their own stream, seeded once from the generator's.
    if (options.history && history) {
      applyWalmartHistory(order, history, options.history, now);
      generateWalmartReturn(
        data.account.walmart?.sellerId ?? data.account.id,
        order,
        now,
        options.history.returned ?? RETURN_SHARE,
      );
    }
    data.walmartOrders.set(order.purchaseOrderId, order);
    trackWalmartDeadline(data, order);
    orders.push(order);
  }
  return orders;
}
