export interface ReturnedLineMoney {
  quantity: number;
  quantityRefunded: number;
  /** What one unit was paid (item price, no tax); null when the channel did not say. */
  unitPriceCents: number | null;
  unitTaxCents: number | null;
}

export interface ProposedReturnRefund {
  quantity: number;
  itemCents: number;
  taxCents: number;
  amountCents: number;
}

/**
 * What refunding `quantity` returned units gives back: their price and their tax (shipping is not proposed: a buyer's
 * change of mind does not refund it, and the seller may add it). Default quantity: every returned unit not refunded yet.
 */
export function proposeReturnRefund(line: ReturnedLineMoney, quantity?: number): ProposedReturnRefund {
  const open = Math.max(0, line.quantity - line.quantityRefunded);
  const units = Math.max(0, Math.min(quantity ?? open, open));
  const itemCents = (line.unitPriceCents ?? 0) * units;
  const taxCents = (line.unitTaxCents ?? 0) * units;
  return { quantity: units, itemCents, taxCents, amountCents: itemCents + taxCents };
}
