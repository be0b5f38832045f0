import { Random } from '../random';
import { AMAZON_US_MARKETPLACE } from '../state/store';
import type { AccountData, AmazonItem, AmazonOrder } from '../state/types';
import { PRODUCTS } from './data';
import { applyAmazonHistory } from './history';
import { DEFAULT_MIX, type GenerateOptions } from './options';
import { person } from './people';

const HOUR = 3600 * 1000;
// Amazon's search refuses windows ending less than two minutes ago; keep generated orders clear of that edge.
const NEWEST_ORDER_AGE_MS = 5 * 60 * 1000;

function item(random: Random, quantity: number): AmazonItem {
  const product = random.pick(PRODUCTS);
  return {
    orderItemId: `${random.int(1, 9)}${random.digits(13)}`,
    asin: product.asin,
    sellerSku: product.sku,
    title: product.title,
    quantity,
    unitPrice: product.price.toFixed(2),
    unitTax: (product.price * 0.0725).toFixed(2),
    quantityShipped: 0,
    quantityCancelled: 0,
  };
}

function orderId(random: Random, taken: Map<string, unknown>): string {
  let id = '';
  do id = `${random.int(111, 114)}-${random.digits(7)}-${random.digits(7)}`;
  while (taken.has(id));
  return id;
}

/** Amazon orders: merchant-fulfilled ones start UNSHIPPED; AFN ones are Amazon's to ship and read-only. */
export function generateAmazonOrders(
  data: AccountData,
  random: Random,
  now: number,
  options: GenerateOptions,
): AmazonOrder[] {
  const mix = { ...DEFAULT_MIX, ...options.mix };
  const [minShip, maxShip] = options.shipByHours ?? [24, 72];
  const window = (options.placedWithinHours ?? 72) * HOUR;
  const orders: AmazonOrder[] = [];
  const history = options.history ? new Random(Math.floor(random.next() * 2 ** 32)) : undefined;
  for (let i = 0; i < options.count; i += 1) {
    const buyer = person(random);
    const createdTime = now - NEWEST_ORDER_AGE_MS - Math.floor(random.next() * window);
    const prime = random.chance(mix.prime);
    const latestShip =
      createdTime + Math.round((prime ? minShip : minShip + random.next() * (maxShip - minShip)) * HOUR);
    const afn = random.chance(mix.channelFulfilled);
    const itemCount = random.chance(mix.multiLine) ? random.int(2, 4) : 1;
    const order: AmazonOrder = {
      orderId: orderId(random, data.amazonOrders),
      createdTime,
      lastUpdatedTime: createdTime,
      marketplaceId: AMAZON_US_MARKETPLACE,
      fulfilledBy: afn ? 'AMAZON' : 'MERCHANT',
      serviceLevel: prime ? 'SecondDay' : random.pick(['Standard', 'Standard', 'Expedited'] as const),
      programs: prime ? ['PRIME'] : [],
      shipBy: { earliest: createdTime, latest: latestShip },
      deliverBy: { earliest: latestShip + 24 * HOUR, latest: latestShip + (prime ? 2 : random.int(3, 6)) * 24 * HOUR },
      buyer: {
        name: buyer.name,
        email: `${random.alnum(14, 'abcdefghijklmnopqrstuvwxyz0123456789')}@marketplace.amazon.com`,
      },
      address: {
        name: buyer.name,
        addressLine1: buyer.address1,
        ...(buyer.address2 ? { addressLine2: buyer.address2 } : {}),
        city: buyer.city,
        stateOrRegion: buyer.state,
        postalCode: buyer.postalCode,
        countryCode: 'US',
        phone: `+1 ${buyer.phone.slice(0, 3)}-${buyer.phone.slice(3, 6)}-${buyer.phone.slice(6)}`,
        addressType: buyer.residential ? 'RESIDENTIAL' : 'COMMERCIAL',
      },
      items: Array.from({ length: itemCount }, () =>
        item(random, random.chance(mix.multiQuantity) ? random.int(2, 5) : 1),
      ),
      packages: [],
    };
    if (afn && now - createdTime > 24 * HOUR) {
      for (const it of order.items) it.quantityShipped = it.quantity;
      order.lastUpdatedTime = createdTime + 20 * HOUR;
    } else if (!afn && random.chance(mix.intentToCancel)) {
      random.pick(order.items).buyerRequestedCancel = { reason: 'BUYER_CANCELED' };
    }
    // The seller's past actions draw from their own stream, seeded once from the generator's.
    if (options.history && history) applyAmazonHistory(order, history, options.history, now);
    data.amazonOrders.set(order.orderId, order);
    orders.push(order);
  }
  return orders;
}
