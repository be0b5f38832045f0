import type { Channel } from '@order-hub/types';

/**
 * A metric's facts as SQL: one row per counted record with `order_id`, `ship_by`, `anchor_at`, `kind` and `category`
 * (compliance-facts.sql.ts builds them).
 */
export interface FactsQuery {
  sql: string;
  params: unknown[];
}

export interface FactsScope {
  channel: Channel;
  accountId: string | null;
  start: Date;
  end: Date;
}

/** The records of one kind (and product category, null for metrics not split by category). */
export interface FactCount {
  kind: string;
  category: string | null;
  n: number;
  latest_ship_by: Date | null;
}

/** Fact counts per (kind, category, depth) as a facts group is read, before each member keeps its own depth. */
export interface DepthCount extends FactCount {
  /** How many of the group's window starts (widest first) the record is inside. */
  depth: number;
}

/** Records anchored in [from, before); a null `before` is open. */
export interface AnchorRange {
  from: Date;
  before: Date | null;
}
