import { BadUserInputError } from 'src/common/errors/app-error';

/**
 * Opaque keyset cursors: the sort the list was read in and the sort key of the last row seen. A cursor only
 * works with the sort it came from, so it cannot silently skip or repeat rows in another view.
 */
export function encodeCursor(sort: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify({ s: sort, k: key })).toString('base64url');
}

export function decodeCursor(cursor: string, sort: string, field = 'after'): (string | number)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadUserInputError(field, 'is not a cursor returned by this list.');
  }
  const value = parsed as { s?: unknown; k?: unknown };
  if (!value || typeof value !== 'object' || typeof value.s !== 'string' || !Array.isArray(value.k)) {
    throw new BadUserInputError(field, 'is not a cursor returned by this list.');
  }
  if (value.s !== sort) {
    throw new BadUserInputError(field, 'comes from a list in another view or order; start again without it.');
  }
  return value.k as (string | number)[];
}
