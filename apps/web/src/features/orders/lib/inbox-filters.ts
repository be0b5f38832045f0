import type { FulfillmentMethod, OrderFilter, OrderSort, OrderSortField, SortDirection } from '@/gql/graphql';

/** The inbox's narrowing filters as they live in the URL; each maps to one OrderFilter field. */
export interface InboxFilters {
  skus: string[];
  shipMethods: string[];
  shipToStates: string[];
  fulfillment: FulfillmentMethod[];
  buyerRequestedCancel: boolean;
  channelRefused: boolean;
  shippedNoScan: boolean;
}

/** URL parameter names: short, readable, stable (they end up in bookmarks). */
export const FILTER_PARAMS = {
  skus: 'sku',
  shipMethods: 'method',
  shipToStates: 'state',
  fulfillment: 'fulfilment',
  buyerRequestedCancel: 'buyer-cancel',
  channelRefused: 'refused',
  shippedNoScan: 'no-scan',
} as const satisfies Record<keyof InboxFilters, string>;

const FULFILMENT: readonly FulfillmentMethod[] = ['MERCHANT', 'MCF', 'CHANNEL'];
const SORT_FIELDS: readonly OrderSortField[] = [
  'ORDERED_AT',
  'SHIP_BY',
  'ORDER_NUMBER',
  'CUSTOMER',
  'TOTAL',
  'STATUS',
  'SHIP_TO_STATE',
];

function list(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

export function readFilters(params: URLSearchParams): InboxFilters {
  return {
    skus: list(params, FILTER_PARAMS.skus),
    shipMethods: list(params, FILTER_PARAMS.shipMethods),
    shipToStates: list(params, FILTER_PARAMS.shipToStates).map((state) => state.toUpperCase()),
    fulfillment: list(params, FILTER_PARAMS.fulfillment)
      .map((value) => value.toUpperCase())
      .filter((value): value is FulfillmentMethod => (FULFILMENT as readonly string[]).includes(value)),
    buyerRequestedCancel: params.get(FILTER_PARAMS.buyerRequestedCancel) === '1',
    channelRefused: params.get(FILTER_PARAMS.channelRefused) === '1',
    shippedNoScan: params.get(FILTER_PARAMS.shippedNoScan) === '1',
  };
}

/** Writes `filters` over `params` (other parameters kept). */
export function writeFilters(params: URLSearchParams, filters: InboxFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of Object.keys(FILTER_PARAMS) as (keyof InboxFilters)[]) {
    const name = FILTER_PARAMS[key];
    next.delete(name);
    const value = filters[key];
    if (Array.isArray(value)) {
      if (value.length > 0) next.set(name, value.join(','));
    } else if (value) next.set(name, '1');
  }
  return next;
}

/** Only the filters that are set, so equal filters give equal query keys. */
export function filterFields(filters: InboxFilters): Omit<OrderFilter, 'view'> {
  return {
    ...(filters.skus.length > 0 && { skus: filters.skus }),
    ...(filters.shipMethods.length > 0 && { shipMethods: filters.shipMethods }),
    ...(filters.shipToStates.length > 0 && { shipToStates: filters.shipToStates }),
    ...(filters.fulfillment.length > 0 && { fulfillment: filters.fulfillment }),
    ...(filters.buyerRequestedCancel && { buyerRequestedCancel: true }),
    ...(filters.channelRefused && { channelRefused: true }),
    ...(filters.shippedNoScan && { shippedNoScan: true }),
  };
}

export function activeFilterCount(filters: InboxFilters): number {
  return Object.keys(filterFields(filters)).length;
}

export const NO_FILTERS: InboxFilters = readFilters(new URLSearchParams());

/** `?sort=ship_by` (ascending) or `?sort=-ship_by` (descending); null for the view's own order. */
export function readSort(value: string | null): OrderSort | null {
  if (!value) return null;
  const descending = value.startsWith('-');
  const field = (descending ? value.slice(1) : value).toUpperCase();
  if (!(SORT_FIELDS as readonly string[]).includes(field)) return null;
  return { field: field as OrderSortField, direction: (descending ? 'DESC' : 'ASC') satisfies SortDirection };
}

export function writeSort(sort: OrderSort | null): string | null {
  if (!sort) return null;
  return `${sort.direction === 'DESC' ? '-' : ''}${sort.field.toLowerCase()}`;
}
