/** PostgreSQL's SQLSTATE for a unique violation. */
const UNIQUE_VIOLATION = '23505';

/**
 * Whether the error is a unique violation (SQLSTATE 23505), as TypeORM's QueryFailedError carries it from `pg`:
 * on the error itself or on its `driverError`. Callers that race on a key (two requests recording the same action)
 * turn it into the answer the caller can act on instead of an internal error.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  return e.code === UNIQUE_VIOLATION || e.driverError?.code === UNIQUE_VIOLATION;
}
