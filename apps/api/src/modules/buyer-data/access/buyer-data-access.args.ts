import { z } from 'zod';

const uuid = z.string().uuid({ message: 'must be an id returned by the API (a UUID).' });
const MAX_RANGE_MS = 366 * 86_400_000;
const dateTime = z.coerce.date({ message: 'must be a date-time (ISO 8601).' });

function checkRange(r: { from: Date; to: Date }, ctx: z.RefinementCtx): void {
  if (r.to.getTime() <= r.from.getTime())
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from.' });
  else if (r.to.getTime() - r.from.getTime() > MAX_RANGE_MS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be at most 366 days after from.' });
}

/** The CSV download's query: a date range of at most a year, `from` before `to`. */
export const accessRangeSchema = z.object({ from: dateTime, to: dateTime }).superRefine(checkRange);

export const accessLogArgsSchema = z.object({
  filter: z
    .object({ from: dateTime, to: dateTime, userId: uuid.nullish(), orderId: uuid.nullish() })
    .superRefine(checkRange),
  first: z
    .number()
    .int()
    .min(1, { message: 'must be between 1 and 200.' })
    .max(200, { message: 'must be between 1 and 200.' })
    .nullish(),
  after: z.string().nullish(),
});
