/**
 * The SKUs Amazon's preview called InvalidSKU (it does not know them) in a routing reason, which lists each
 * unfulfillable item as "<sellerSku>: <reasons>" separated by "; ".
 */
export function invalidSkus(reason: string | null | undefined): string[] {
  if (!reason) return [];
  const found = new Set<string>();
  for (const match of reason.matchAll(/(?:^|[\s;:])([^\s;:]+): ([A-Za-z, ]*?)\bInvalidSKU\b/g)) found.add(match[1]);
  return [...found];
}

/** The SKU map screen with the SKU (and the Amazon account) filled in. */
export function skuMapPath(sku: string, accountId?: string | null): string {
  const params = new URLSearchParams({ sku });
  if (accountId) params.set('account', accountId);
  return `/settings/mcf-skus?${params.toString()}`;
}
