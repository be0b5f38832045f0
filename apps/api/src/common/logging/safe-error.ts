import { HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppError } from 'src/common/errors/app-error';

/** What the log keeps of an error: never its arbitrary properties (query parameters, channel payloads). */
export interface LoggedError {
  type: string;
  message: string;
  code?: string | number;
  stack?: string;
  /** Database errors: the constraint, table and column PostgreSQL names (never the values). */
  constraint?: string;
  table?: string;
  column?: string;
  cause?: LoggedError;
}

/** Primitive details an error may carry that name a kind of failure, not the data it failed on. */
const SAFE_DETAILS = ['kind', 'channel', 'status', 'operation'] as const;

/**
 * Errors raised on purpose (refused authentication, bad input, not found, conflicts, rule violations, client
 * errors over HTTP) are one line: no stack, which says nothing about a caller's mistake.
 */
export function isExpectedError(err: unknown): boolean {
  if (err instanceof AppError) return true;
  if (err instanceof HttpException) return err.getStatus() < 500;
  return false;
}

/** pino's `err` serializer for the hub: type, message, code and (for unexpected errors) the stack. */
export function serializeError(err: unknown, depth = 0): LoggedError {
  // Duck-typed: errors from another realm (a worker, a VM context) fail `instanceof Error`.
  if (!isErrorLike(err)) return { type: typeof err, message: String(err).slice(0, 500) };
  const database = databaseFields(err);
  const message = database ? withoutValues(err.message) : err.message;
  const out: LoggedError = { type: err.constructor?.name || err.name, message };
  const code = database?.code ?? (err as { code?: unknown }).code ?? extensionCode(err);
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  if (database) Object.assign(out, database.where);
  const details = (err as { details?: Record<string, unknown> }).details;
  for (const name of SAFE_DETAILS) {
    const value = (err as unknown as Record<string, unknown>)[name] ?? details?.[name];
    if (typeof value === 'string' || typeof value === 'number')
      (out as unknown as Record<string, unknown>)[name] = value;
  }
  if (!isExpectedError(err) && err.stack) out.stack = stackWithMessage(err.stack, out.type, message);
  if (err.cause !== undefined && depth < 2) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

function isErrorLike(err: unknown): err is Error {
  return typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string';
}

function extensionCode(err: Error): unknown {
  return (err as { extensions?: { code?: unknown } }).extensions?.code;
}

interface DatabaseFields {
  code?: string;
  where: Pick<LoggedError, 'constraint' | 'table' | 'column'>;
}

/** A failed query (TypeORM's QueryFailedError or the driver's own error): its SQLSTATE and where it failed. */
function databaseFields(err: Error): DatabaseFields | null {
  const driver = (err instanceof QueryFailedError ? err.driverError : err) as Record<string, unknown> | undefined;
  const isDriverError =
    err instanceof QueryFailedError ||
    (typeof driver?.code === 'string' && /^[0-9A-Z]{5}$/.test(driver.code) && 'severity' in (driver ?? {}));
  if (!isDriverError) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    code: text(driver?.code),
    where: { constraint: text(driver?.constraint), table: text(driver?.table), column: text(driver?.column) },
  };
}

/**
 * PostgreSQL quotes the offending value in some messages (`invalid input syntax for type uuid: "…"`, `Key
 * (email)=(…)`): those values are the caller's data, so they are cut.
 */
export function withoutValues(message: string): string {
  return message
    .replace(/\(([^()]*)\)=\((?:[^()]|\([^()]*\))*\)/g, '($1)=(…)')
    .replace(/: ".*"\s*$/s, ': "…"')
    .slice(0, 500);
}

/** The stack's first line repeats the message; it is rewritten with the message as logged. */
function stackWithMessage(stack: string, type: string, message: string): string {
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${type}: ${message}`, ...frames.slice(0, 20)].join('\n');
}
