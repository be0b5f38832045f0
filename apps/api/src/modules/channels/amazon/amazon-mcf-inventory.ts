import type { AmazonClient } from './amazon-client';

/** What Amazon says it can fulfil of one seller SKU through MCF (getFeatureSKU, Fulfillment Outbound 2020-07-01). */
export interface McfSkuStock {
  sellerSku: string;
  /** Units Amazon can fulfil with the feature; 0 when it does not know the SKU. */
  units: number;
  eligible: boolean;
  /** Amazon's reasons when it is not eligible (INVALID_SKU…). */
  ineligibleReasons: string[];
}

/**
 * The MCF stock of a seller SKU as `getFeatureSKU` reports it for a fulfilment feature (`skuCount`: "the number of SKUs
 * available for this service"). The hub asks for the feature every order of another channel requires, so the count
 * is what Amazon can ship under those terms.
 */
export async function getMcfSkuStock(
  client: AmazonClient,
  marketplaceId: string,
  featureName: string,
  sellerSku: string,
): Promise<McfSkuStock> {
  const res = await client.get(
    'getFeatureSKU',
    `/fba/outbound/2020-07-01/features/inventory/${encodeURIComponent(featureName)}/${encodeURIComponent(sellerSku)}?marketplaceId=${encodeURIComponent(marketplaceId)}`,
  );
  const payload = (res.body as { payload?: { isEligible?: boolean; skuCount?: number; ineligibleReasons?: string[] } })
    .payload;
  return {
    sellerSku,
    units: Math.max(0, Math.floor(payload?.skuCount ?? 0)),
    eligible: payload?.isEligible ?? false,
    ineligibleReasons: payload?.ineligibleReasons ?? [],
  };
}
