import type { SearchMatchField } from '@order-hub/types';
import { shipmentsWithTrackingNumberSql } from 'src/modules/fulfillment/shipment.sql';
import type { Predicate } from './order-view.predicates';

/** Shorter terms match whole values only: a trigram index cannot serve a one- or two-character fragment. */
export const MIN_CONTAINS_LENGTH = 3;

/** A term that looks like an order or tracking number: tried as a whole value first, by index. */
const NUMBER_LIKE = /^[A-Za-z0-9-]{6,}$/;

export interface SearchTerm {
  /** As typed (trimmed). */
  text: string;
  /** Upper case, for whole-value comparisons of SKUs and numbers. */
  upper: string;
  /** Tracking numbers are compared whole, without spaces, upper case. */
  tracking: string;
  /** ILIKE pattern with LIKE's wildcards escaped; null when the term is too short for "contains". */
  contains: string | null;
}

export function searchTerm(text: string): SearchTerm {
  const trimmed = text.trim();
  return {
    text: trimmed,
    upper: trimmed.toUpperCase(),
    tracking: trimmed.replace(/\s+/g, '').toUpperCase(),
    contains: trimmed.length >= MIN_CONTAINS_LENGTH ? `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
  };
}

export function looksLikeNumber(term: SearchTerm): boolean {
  return NUMBER_LIKE.test(term.text) && /\d/.test(term.text);
}

/**
 * Ids of the orders whose order number or customer order number is the term, or that have a shipment with it as
 * tracking number: index lookups only (the exact path tried first for number-like terms).
 */
export function exactNumberIdsSql(term: SearchTerm): Predicate {
  return {
    sql: `SELECT e.id FROM "order" e WHERE e.channel_order_id = :searchText
          UNION SELECT e.id FROM "order" e WHERE e.customer_order_id = :searchText
          UNION SELECT t.order_id FROM (${shipmentsWithTrackingNumberSql('searchTracking')}) t`,
    params: { searchText: term.text, searchTracking: term.tracking },
  };
}

/**
 * The search as a set of order ids, each branch served by its own index (trigram GIN for "contains", btree for whole
 * values), instead of one OR over every row: order numbers, customer order numbers, the ship-to name and a line's SKU
 * contain the term (any case); a shipment's tracking number is the term (spaces and case ignored). Terms shorter than
 * MIN_CONTAINS_LENGTH match whole values only.
 */
export function searchPredicate(term: SearchTerm): Predicate {
  const params = {
    searchText: term.text,
    searchUpper: term.upper,
    searchTracking: term.tracking,
    searchContains: term.contains,
  };
  const tracking = `SELECT t.order_id FROM (${shipmentsWithTrackingNumberSql('searchTracking')}) t`;
  const branches = term.contains
    ? [
        `SELECT e.id FROM "order" e WHERE e.channel_order_id ILIKE :searchContains`,
        `SELECT e.id FROM "order" e WHERE e.customer_order_id ILIKE :searchContains`,
        `SELECT e.id FROM "order" e WHERE e.ship_to_name ILIKE :searchContains`,
        `SELECT l.order_id FROM order_line l WHERE l.sku ILIKE :searchContains`,
        tracking,
      ]
    : [
        `SELECT e.id FROM "order" e WHERE e.channel_order_id = :searchText`,
        `SELECT e.id FROM "order" e WHERE e.customer_order_id = :searchText`,
        `SELECT l.order_id FROM order_line l WHERE upper(l.sku) = :searchUpper`,
        tracking,
      ];
  // = ANY(ARRAY(…)): an InitPlan the planner treats as a short id list (fetch by primary key, then sort), where
  // `IN (…)` let its poor guess of a trigram match's size pick a hash join over every order.
  return { sql: `o.id = ANY(ARRAY(${branches.join(' UNION ')}))`, params };
}

export interface SearchMatch {
  field: SearchMatchField;
  value: string;
}

/** Why an order is in the result: each of its values the term matched, as stored (same rules as searchPredicate). */
export function matchesOf(
  term: SearchTerm,
  order: { channelOrderId: string; customerOrderId: string | null; shipToName: string | null },
  skus: readonly string[],
  trackingNumbers: readonly string[],
): SearchMatch[] {
  const needle = term.text.toLowerCase();
  const hit = (value: string | null) =>
    !!value && (term.contains ? value.toLowerCase().includes(needle) : value.toLowerCase() === needle);
  const found: SearchMatch[] = [];
  if (hit(order.channelOrderId)) found.push({ field: 'ORDER_NUMBER', value: order.channelOrderId });
  if (hit(order.customerOrderId)) found.push({ field: 'CUSTOMER_ORDER_NUMBER', value: order.customerOrderId! });
  if (term.contains && hit(order.shipToName)) found.push({ field: 'CUSTOMER_NAME', value: order.shipToName! });
  for (const sku of new Set(skus)) if (hit(sku)) found.push({ field: 'SKU', value: sku });
  for (const t of new Set(trackingNumbers)) found.push({ field: 'TRACKING_NUMBER', value: t });
  return found;
}
