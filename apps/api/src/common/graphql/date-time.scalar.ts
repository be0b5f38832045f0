import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** `2026-12-03T09:30:00Z`, `2026-12-03T09:30:00.123+01:00`, `2026-12-03T09:30Z`: a date, a time and an offset. */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

export const DATE_TIME_RULE =
  'must be an ISO-8601 date and time with a time zone offset or Z, on a real calendar day, e.g. 2026-12-03T09:30:00Z.';

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The instant an ISO-8601 date-time names, or null when the text is not one (no offset, 30 February, 25:00). */
export function parseIsoDateTime(text: string): Date | null {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) =>
    x === undefined ? undefined : Number(x),
  ) as [number, number, number, number, number, number | undefined];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (m[8] && (Number(m[9]) > 23 || Number(m[10]) > 59)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

function invalid(value: unknown): GraphQLError {
  const shown =
    typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : typeof value;
  // No code here: GraphQL wraps this error with the variable's path, and the formatter names the field from it.
  return new GraphQLError(`DateTime ${DATE_TIME_RULE} Got ${shown}.`);
}

/**
 * The hub's one `DateTime`: every `Date` argument, input field and output is this scalar (graphql-options maps
 * `Date` to it). Input is checked strictly, so "AAAA", "yesterday" or "2026-02-30T00:00:00Z" are refused as
 * BAD_USER_INPUT naming the argument instead of becoming an Invalid Date that fails in SQL.
 */
export const DateTimeScalar = new GraphQLScalarType<Date | null, string>({
  name: 'DateTime',
  description:
    'An instant as an ISO-8601 date and time with a time zone offset or Z, such as 2026-12-03T09:54:33Z; output is always UTC.',
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
  parseValue(value: unknown): Date {
    const date = typeof value === 'string' ? parseIsoDateTime(value) : null;
    if (!date) throw invalid(value);
    return date;
  },
  parseLiteral(ast): Date {
    const date = ast.kind === Kind.STRING ? parseIsoDateTime(ast.value) : null;
    if (!date) throw invalid(ast.kind === Kind.STRING ? ast.value : ast.kind);
    return date;
  },
  serialize(value: unknown): string {
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new TypeError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
});
