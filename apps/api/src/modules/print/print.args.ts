import { BULK_MAX_ORDERS } from '@order-hub/types';
import { z } from 'zod';
import { bulkTargetSchema, orderFilterSchema } from 'src/modules/orders/orders.args';

/** `?ids=<uuid>,<uuid>,…`: 1 to 500 order ids (a URL holds about 400). */
const idsQuery = z.object({
  ids: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().uuid({ message: 'must be order ids returned by the API (UUIDs), comma-separated.' }))
        .min(1, { message: 'must name at least one order.' })
        .max(BULK_MAX_ORDERS, { message: `at most ${BULK_MAX_ORDERS} orders at a time.` }),
    ),
});

/** `?filter=<OrderFilter as JSON>&count=N`: "all N matching", refused when N no longer matches. */
const filterQuery = z.object({
  filter: z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be an order filter as JSON.' });
        return z.NEVER;
      }
    })
    .pipe(orderFilterSchema),
  count: z.coerce.number().int().min(0, { message: 'must be the number of orders shown matching.' }),
});

export type PrintTarget = z.output<typeof bulkTargetSchema>;

/** What a PDF download covers, as the bulk actions' target; the first problem as `field: rule`. */
export function parsePrintQuery(query: Record<string, unknown>): { target: PrintTarget } | { error: [string, string] } {
  if (query.ids === undefined && query.filter === undefined) {
    return { error: ['ids', 'is required: the order ids, comma-separated (or filter and count).'] };
  }
  if (query.ids !== undefined) {
    const parsed = idsQuery.safeParse(query);
    if (!parsed.success) return { error: issue(parsed.error) };
    return { target: { orderIds: parsed.data.ids, filter: null, expectedCount: null } };
  }
  const parsed = filterQuery.safeParse(query);
  if (!parsed.success) return { error: issue(parsed.error) };
  return { target: { orderIds: null, filter: parsed.data.filter, expectedCount: parsed.data.count } };
}

function issue(error: z.ZodError): [string, string] {
  const first = error.issues[0];
  return [first.path.map(String).join('.') || 'ids', first.message];
}
