import type { OrderFilter, OrderSort } from '@/gql/graphql';
import type { SavedView } from '../api/saved-views.graphql';

/** A saved view's filter as an OrderFilter for the orders query, its unset fields left out. */
export function savedViewFilter(view: Pick<SavedView, 'filter'>): OrderFilter {
  return Object.fromEntries(
    Object.entries(view.filter).filter(([key, value]) => value !== null && value !== undefined && key !== '__typename'),
  );
}

export function savedViewSort(view: Pick<SavedView, 'sort'>): OrderSort | null {
  return view.sort ? { field: view.sort.field, direction: view.sort.direction } : null;
}
