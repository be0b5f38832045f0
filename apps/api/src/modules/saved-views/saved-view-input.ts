import { INBOX_COLUMNS, type InboxColumn } from '@order-hub/types';
import { z } from 'zod';
import { orderFilterSchema, orderSortSchema } from 'src/modules/orders/orders.args';

export const SAVED_VIEW_NAME_MAX = 60;
/** A sidebar of more than this many views stops helping anyone find anything. */
export const SAVED_VIEWS_MAX = 30;

const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });

export const inboxColumnsSchema = z
  .array(
    z.string().refine((c): c is InboxColumn => (INBOX_COLUMNS as readonly string[]).includes(c), {
      message: `each column must be one of ${INBOX_COLUMNS.join(', ')}.`,
    }),
  )
  .min(1, { message: 'must name at least one column.' })
  .refine((cols) => new Set(cols).size === cols.length, { message: 'must not name a column twice.' });

export const savedViewInputSchema = z.object({
  id: uuid.nullish(),
  name: z
    .string()
    .trim()
    .min(1, { message: 'must not be blank.' })
    .max(SAVED_VIEW_NAME_MAX, { message: `must be at most ${SAVED_VIEW_NAME_MAX} characters.` }),
  filter: orderFilterSchema.unwrap().unwrap(),
  columns: inboxColumnsSchema,
  sort: orderSortSchema,
});
export type SavedViewInputValue = z.output<typeof savedViewInputSchema>;

/** A saved filter as stored: the validated OrderFilter with its unset fields left out. */
export type SavedViewFilterValue = SavedViewInputValue['filter'];

export function compactFilter(filter: SavedViewFilterValue): SavedViewFilterValue {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== null && v !== undefined));
}

/** How names compare: trimmed, any case. */
export function nameKeyOf(name: string): string {
  return name.trim().toLowerCase();
}
