import { OrderView, type OrderSortField, type SortDirection } from '@order-hub/types';
import { BadUserInputError } from 'src/common/errors/app-error';
import { decodeCursor, encodeCursor } from 'src/common/pagination/cursor';
import type { Predicate } from './order-view.predicates';
import { LATEST_REFUSAL } from './order-view.predicates';

type KeyKind = 'date' | 'number' | 'text';

/** How a list is ordered: by `expr` (alias `o`), then by id in the same direction, so every row has one place. */
export interface SortSpec {
  /** Names the view and the order; a cursor only works with the list it came from. */
  name: string;
  expr: string;
  direction: SortDirection;
  /** Nullable keys sort their nulls last in either direction. */
  nullable: boolean;
  kind: KeyKind;
}

const FIELDS: Record<OrderSortField, Pick<SortSpec, 'expr' | 'nullable' | 'kind'>> = {
  ORDERED_AT: { expr: 'o.ordered_at', nullable: false, kind: 'date' },
  SHIP_BY: { expr: 'o.ship_by', nullable: true, kind: 'date' },
  ORDER_NUMBER: { expr: 'o.channel_order_id', nullable: false, kind: 'text' },
  CUSTOMER: { expr: 'o.ship_to_name', nullable: true, kind: 'text' },
  TOTAL: { expr: 'o.total_cents', nullable: false, kind: 'number' },
  STATUS: { expr: 'o.status', nullable: false, kind: 'text' },
  SHIP_TO_STATE: { expr: `(o.ship_to->>'stateOrRegion')`, nullable: true, kind: 'text' },
};

/**
 * The asked order, or the view's own: ship-by soonest first where deadlines matter, newest refusal first for
 * NEEDS_ATTENTION, newest order first otherwise.
 */
export function sortSpec(
  view: OrderView,
  sort: { field: OrderSortField; direction: SortDirection } | null | undefined,
): SortSpec {
  if (sort)
    return { name: `${view}:${sort.field}:${sort.direction}`, direction: sort.direction, ...FIELDS[sort.field] };
  if (view === OrderView.NEEDS_ATTENTION)
    return { name: `${view}:refused_at`, expr: LATEST_REFUSAL, direction: 'DESC', nullable: false, kind: 'date' };
  const deadline = view === OrderView.DUE_TODAY || view === OrderView.PAST_DUE || view === OrderView.AT_RISK;
  return deadline
    ? { name: `${view}:ship_by`, direction: 'ASC', ...FIELDS.SHIP_BY }
    : { name: `${view}:ordered_at`, direction: 'DESC', ...FIELDS.ORDERED_AT };
}

/** ORDER BY's nulls clause: only for nullable keys, so a NOT NULL key keeps matching its index in both directions. */
export function nullsOrder(spec: SortSpec): 'NULLS LAST' | undefined {
  return spec.nullable ? 'NULLS LAST' : undefined;
}

export function encodeSortCursor(spec: SortSpec, key: unknown, id: string): string {
  const value =
    key === null || key === undefined ? null : spec.kind === 'date' ? new Date(key as Date).toISOString() : key;
  return encodeCursor(spec.name, [value as string | number, id]);
}

/** The rows after the cursor's row in the spec's order (nulls last); BAD_USER_INPUT for a cursor of another list. */
export function afterCursor(spec: SortSpec, cursor: string): Predicate {
  const [key, id] = decodeCursor(cursor, spec.name) as unknown[];
  if (typeof id !== 'string' || !validKey(spec, key))
    throw new BadUserInputError('after', 'is not a cursor returned by this list.');
  const cmp = spec.direction === 'ASC' ? '>' : '<';
  if (key === null) return { sql: `(${spec.expr} IS NULL AND o.id ${cmp} :afterId)`, params: { afterId: id } };
  const afterKey = spec.kind === 'date' ? new Date(key as string) : key;
  const past = `(${spec.expr}, o.id) ${cmp} (:afterKey, :afterId)`;
  return { sql: spec.nullable ? `(${past} OR ${spec.expr} IS NULL)` : past, params: { afterKey, afterId: id } };
}

function validKey(spec: SortSpec, key: unknown): boolean {
  if (key === null) return spec.nullable;
  if (spec.kind === 'number') return typeof key === 'number' && Number.isFinite(key);
  if (typeof key !== 'string') return false;
  return spec.kind === 'text' || !Number.isNaN(Date.parse(key));
}
