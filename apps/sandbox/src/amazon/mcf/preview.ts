import type { AccountData } from '../../state/types';
import { arr, enumValue, obj, positiveInt, req } from '../validate';
import { parseAddress, parseFeatureConstraints } from './create';
import { MCF_TIMELINE, US_SPEEDS, type UsSpeed } from './features';
import { blocksAmzl } from './progress';
import { iso } from '../validate';

const FEES: Record<UsSpeed, { perUnit: number; perOrder: number; transport: number }> = {
  Standard: { perUnit: 5.4, perOrder: 0, transport: 0 },
  Expedited: { perUnit: 8.15, perOrder: 0, transport: 0 },
  Priority: { perUnit: 14.95, perOrder: 0, transport: 0 },
};
const BLOCK_AMZL_SURCHARGE = 0.05;

/** `getFulfillmentPreview`: one preview per speed, fulfillable only when every SKU has the stock. */
export function preview(data: AccountData, body: unknown, now: number) {
  const b = obj(body, 'body');
  const address = parseAddress(b.address, 'address');
  const items = arr(b.items, 'items', { max: 100 }).map((raw, i) => {
    const it = obj(raw, `items[${i}]`);
    return {
      sellerSku: req(it.sellerSku, `items[${i}].sellerSku`, { max: 50 }),
      sellerFulfillmentOrderItemId: req(it.sellerFulfillmentOrderItemId, `items[${i}].sellerFulfillmentOrderItemId`, {
        max: 50,
      }),
      quantity: positiveInt(it.quantity, `items[${i}].quantity`),
    };
  });
  const speeds = arr(b.shippingSpeedCategories, 'shippingSpeedCategories', { optional: true }).map(
    (s, i) => enumValue(s, `shippingSpeedCategories[${i}]`, US_SPEEDS) as UsSpeed,
  );
  const featureConstraints = parseFeatureConstraints(b.featureConstraints, 'featureConstraints');
  const surcharge = blocksAmzl(featureConstraints) ? 1 + BLOCK_AMZL_SURCHARGE : 1;
  const unfulfillable = items.filter((i) => (data.inventory.get(i.sellerSku) ?? 0) < i.quantity);
  const addressOk = address.countryCode === 'US';
  const units = items.reduce((s, i) => s + i.quantity, 0);
  return {
    fulfillmentPreviews: (speeds.length > 0 ? speeds : US_SPEEDS).map((speed) => {
      const t = MCF_TIMELINE[speed];
      const fulfillable = addressOk && unfulfillable.length === 0;
      const fee = FEES[speed];
      return {
        shippingSpeedCategory: speed,
        isFulfillable: fulfillable,
        isCODCapable: false,
        marketplaceId: data.account.amazon?.marketplaceId ?? '',
        estimatedShippingWeight: { unit: 'POUNDS', value: (units * 1.2).toFixed(2) },
        estimatedFees: [
          {
            name: 'FBAPerUnitFulfillmentFee',
            amount: { currencyCode: 'USD', value: (fee.perUnit * units * surcharge).toFixed(2) },
          },
          { name: 'FBAPerOrderFulfillmentFee', amount: { currencyCode: 'USD', value: fee.perOrder.toFixed(2) } },
          { name: 'FBATransportationFee', amount: { currencyCode: 'USD', value: fee.transport.toFixed(2) } },
        ],
        ...(fulfillable
          ? {
              fulfillmentPreviewShipments: [
                {
                  earliestShipDate: iso(now + t.processing),
                  latestShipDate: iso(now + t.shipped),
                  earliestArrivalDate: iso(now + t.shipped + (t.transitDays - 1) * 86400000),
                  latestArrivalDate: iso(now + t.shipped + (t.transitDays + 1) * 86400000),
                  fulfillmentPreviewItems: items.map((i) => ({
                    ...i,
                    estimatedShippingWeight: { unit: 'POUNDS', value: (i.quantity * 1.2).toFixed(2) },
                    shippingWeightCalculationMethod: 'Package',
                  })),
                },
              ],
            }
          : {}),
        unfulfillablePreviewItems: unfulfillable.map((i) => ({
          ...i,
          itemUnfulfillableReasons: [data.inventory.has(i.sellerSku) ? 'InventoryUnavailable' : 'InvalidSKU'],
        })),
        ...(addressOk ? {} : { orderUnfulfillableReasons: ['InvalidDestinationAddress'] }),
        featureConstraints,
      };
    }),
  };
}
