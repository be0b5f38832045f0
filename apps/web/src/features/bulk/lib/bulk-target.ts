import { BULK_MAX_ORDERS } from '@order-hub/types';
import type { BulkTarget, OrderFilter } from '@/gql/graphql';

/** The orders an action covers: those ticked, or every one matching the list's filter at the count the person saw. */
export type BulkScope =
  { kind: 'selection'; ids: readonly string[] } | { kind: 'matching'; filter: OrderFilter; count: number };

export function targetOf(scope: BulkScope): BulkTarget {
  return scope.kind === 'selection'
    ? { orderIds: [...scope.ids] }
    : { filter: scope.filter, expectedCount: scope.count };
}

export function scopeSize(scope: BulkScope): number {
  return scope.kind === 'selection' ? scope.ids.length : scope.count;
}

/** Why "select all N matching" is not offered (null when it is). */
export function allMatchingUnavailable(count: { count: number; exact: boolean } | null): string | null {
  if (!count) return 'The number of matching orders is not known yet.';
  if (!count.exact)
    return 'Only an estimate of the matching orders is known here; narrow the list (a view or a filter) first.';
  if (count.count > BULK_MAX_ORDERS)
    return `${count.count.toLocaleString('en-US')} orders match; at most ${BULK_MAX_ORDERS} at a time. Narrow the list first.`;
  return null;
}

/** The query string of the print pages and the bulk ship page for a scope. */
export function scopeQuery(scope: BulkScope): string {
  const params = new URLSearchParams(
    scope.kind === 'selection'
      ? { ids: scope.ids.join(',') }
      : { filter: JSON.stringify(scope.filter), count: String(scope.count) },
  );
  return params.toString();
}

/** The scope a page's query string names (the inverse of scopeQuery); null when it names none. */
export function scopeFromQuery(params: URLSearchParams): BulkScope | null {
  const ids = params.get('ids');
  if (ids) return { kind: 'selection', ids: ids.split(',').filter(Boolean) };
  const filter = params.get('filter');
  const count = Number(params.get('count'));
  if (!filter || !Number.isInteger(count)) return null;
  try {
    return { kind: 'matching', filter: JSON.parse(filter) as OrderFilter, count };
  } catch {
    return null;
  }
}
