/** PostgreSQL's SQLSTATE for a unique violation. */
const UNIQUE_VIOLATION = '23505';

/**
 * The SQLSTATE of a database error, as TypeORM's QueryFailedError carries it from `pg` (on its `driverError`) or as
 * the driver raised it (on the error itself); undefined for anything else.
 */
export function sqlState(err: unknown): string | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  const code = e.driverError?.code ?? e.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Whether the error is a unique violation (SQLSTATE 23505). Callers that race on a key (two requests recording the
 * same action) turn it into the answer the caller can act on instead of an internal error.
 */
export function isUniqueViolation(err: unknown): boolean {
  return sqlState(err) === UNIQUE_VIOLATION;
}
