import { openUnits } from '@order-hub/rules';

export interface RoutableLine {
  sku: string;
  quantityOrdered: number;
  quantityShipped: number;
  quantityCancelled: number;
}

export interface SkuMapping {
  sku: string;
  supplierId: string;
  accountId: string | null;
}

export type Routing = { supplierId: string } | { supplierId: null; reason: string };

/**
 * The supplier an order is for: the one every open line's SKU maps to (a mapping for the order's account before one
 * for any account). No open line, a SKU no supplier ships, or SKUs of two suppliers: no supplier, and why in words.
 */
export function routeOrder(
  lines: readonly RoutableLine[],
  mappings: readonly SkuMapping[],
  accountId: string,
  supplierName: (id: string) => string,
): Routing {
  const open = lines.filter((l) => openUnits(l) > 0);
  if (open.length === 0) return { supplierId: null, reason: 'nothing is left to ship on it.' };
  const bySupplier = new Map<string, string[]>();
  const unmapped: string[] = [];
  for (const line of open) {
    const candidates = mappings.filter((m) => m.sku === line.sku);
    const mapping = candidates.find((m) => m.accountId === accountId) ?? candidates.find((m) => m.accountId === null);
    if (!mapping) unmapped.push(line.sku);
    else bySupplier.set(mapping.supplierId, [...(bySupplier.get(mapping.supplierId) ?? []), line.sku]);
  }
  if (unmapped.length)
    return { supplierId: null, reason: `no supplier ships SKU ${[...new Set(unmapped)].join(', ')}.` };
  if (bySupplier.size > 1) {
    const parts = [...bySupplier].map(([id, skus]) => `${supplierName(id)} (${skus.join(', ')})`);
    return {
      supplierId: null,
      reason: `its lines go to ${bySupplier.size} suppliers: ${parts.join(' and ')}; split it or ship it yourself.`,
    };
  }
  return { supplierId: [...bySupplier.keys()][0] };
}
