export interface OrderMix {
  /** Share of orders with 2–4 lines. */
  multiLine?: number;
  /** Share of lines with a quantity above one. */
  multiQuantity?: number;
  /** Share of Prime orders (Amazon) or TWO_DAY program orders (Walmart). */
  prime?: number;
  /** Share of orders with a buyer cancellation request on one line. */
  intentToCancel?: number;
  /** Share fulfilled by the channel: WFS on Walmart, AFN on Amazon (read-only for the seller). */
  channelFulfilled?: number;
}

/**
 * A seller's past 30 days: for each generated seller-fulfilled order whose ship-by has passed (and that the buyer
 * did not ask to cancel), what the seller did. Every field is a share between 0 and 1.
 */
export interface SellerHistory {
  /** Share of past-due orders shipped 2–30 hours after their ship-by instead of on time. */
  late: number;
  /** Share of shipments whose tracking number has a wrong check digit, so the carrier would reject it. */
  invalidTracking: number;
  /** Share of past-due orders the seller cancelled before shipping (out of stock, pricing error…). */
  cancelled: number;
  /** Share of shipments older than two days that have been delivered. */
  delivered: number;
  /** Share of deliveries that arrived 1–3 days after the promised delivery date instead of on or before it. */
  lateDelivery: number;
  /** Share of delivered Walmart orders the buyer returns (default 0.08); 0 generates none. */
  returned?: number;
}

export const HISTORY_FIELDS = ['late', 'invalidTracking', 'cancelled', 'delivered', 'lateDelivery'] as const;

export interface GenerateOptions {
  count: number;
  seed?: number;
  mix?: OrderMix;
  /** Orders are placed across this many hours before now (default 72). */
  placedWithinHours?: number;
  /** Ship-by falls this many hours after the order date, drawn uniformly (default 24–72). */
  shipByHours?: [number, number];
  /** Past-due seller-fulfilled orders get a fulfilment history (shipped, delivered, cancelled); without it they stay open. */
  history?: SellerHistory;
}

export const DEFAULT_MIX: Required<OrderMix> = {
  multiLine: 0.25,
  multiQuantity: 0.2,
  prime: 0.3,
  intentToCancel: 0.03,
  channelFulfilled: 0.08,
};

const MAX_GENERATE = 50_000;

export function validateGenerateOptions(options: GenerateOptions): string | null {
  if (!Number.isInteger(options.count) || options.count < 1 || options.count > MAX_GENERATE)
    return `count must be an integer between 1 and ${MAX_GENERATE}`;
  if (options.seed !== undefined && !Number.isInteger(options.seed)) return 'seed must be an integer';
  for (const [key, value] of Object.entries(options.mix ?? {})) {
    if (!(key in DEFAULT_MIX)) return `mix.${key} is not a known mix field (${Object.keys(DEFAULT_MIX).join(', ')})`;
    if (typeof value !== 'number' || value < 0 || value > 1) return `mix.${key} must be a share between 0 and 1`;
  }
  if (options.placedWithinHours !== undefined && !(options.placedWithinHours > 0))
    return 'placedWithinHours must be positive';
  const spread = options.shipByHours;
  if (
    spread !== undefined &&
    (!Array.isArray(spread) || spread.length !== 2 || !(spread[0] >= 0) || !(spread[1] >= spread[0]))
  ) {
    return 'shipByHours must be [min, max] hours with 0 <= min <= max';
  }
  if (options.history !== undefined) {
    const history = options.history as unknown;
    if (typeof history !== 'object' || history === null || Array.isArray(history))
      return `history must be an object with ${HISTORY_FIELDS.join(', ')}`;
    for (const key of Object.keys(history)) {
      if (key === 'returned') {
        const share = (history as Record<string, unknown>).returned;
        if (typeof share !== 'number' || !(share >= 0 && share <= 1))
          return 'history.returned must be a share between 0 and 1';
        continue;
      }
      if (!(HISTORY_FIELDS as readonly string[]).includes(key))
        return `history.${key} is not a known history field (${HISTORY_FIELDS.join(', ')})`;
    }
    for (const key of HISTORY_FIELDS) {
      const value = (history as Record<string, unknown>)[key];
      if (typeof value !== 'number' || !(value >= 0 && value <= 1))
        return `history.${key} must be a share between 0 and 1`;
    }
  }
  return null;
}
