import { Catch, HttpException, InternalServerErrorException, Logger, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, type GqlContextType } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { AppError, ErrorCode } from 'src/common/errors/app-error';
import { LOG_CAUSE } from './hub-logger';
import { isExpectedError } from './safe-error';

/** Codes whose message never quotes the caller's input, so the line may carry it. */
const MESSAGE_LOGGED = new Set<string>([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.RATE_LIMITED]);
const WARN = new Set<string>([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.RATE_LIMITED]);

/**
 * Replaces Nest's default handling of errors thrown by resolvers and guards, which printed every one with its
 * stack (a refused token: ~1.8 KB; one request of 800 aliased fields: 1.4 MB). An expected error (see
 * isExpectedError) is one line without a stack, once per request even when many fields throw it, and counted
 * under the cause "code + operation" by the per-cause limit. Unexpected GraphQL errors are rethrown untouched:
 * the GraphQL error formatter logs them with their stack and answers INTERNAL. On HTTP routes (the CSV downloads)
 * an unexpected error is logged serialized (see safe-error.ts) and answered 500 without detail.
 */
@Catch()
export class ErrorLogFilter extends BaseExceptionFilter {
  private readonly log = new Logger('Errors');
  private readonly logged = new WeakSet<object>();

  override catch(exception: unknown, host: ArgumentsHost) {
    const graphql = host.getType<GqlContextType>() === 'graphql';
    const expected = isExpectedError(exception);
    if (expected) this.logExpected(exception as Error, host, graphql);
    if (graphql) throw exception;
    if (expected || exception instanceof HttpException) return super.catch(exception, host);
    // Nest would log the raw message (a database error's may quote the row's data): logged serialized instead.
    this.log.error(exception);
    return super.catch(new InternalServerErrorException(), host);
  }

  private logExpected(err: Error, host: ArgumentsHost, graphql: boolean) {
    if (this.logged.has(err)) return;
    this.logged.add(err);
    let operation: string;
    let req: FastifyRequest | undefined;
    if (graphql) {
      const gql = GqlArgumentsHost.create(host);
      operation = gql.getInfo<{ fieldName?: string }>()?.fieldName ?? 'graphql';
      req = gql.getContext<{ req?: FastifyRequest }>().req;
    } else {
      req = host.switchToHttp().getRequest<FastifyRequest>();
      operation = `${req.method} ${req.routeOptions?.url ?? req.url.split('?')[0]}`;
    }
    const code = err instanceof AppError ? String(err.extensions.code) : httpCode(err as HttpException);
    const field = err instanceof AppError ? err.extensions.field : undefined;
    const line = {
      reqId: req?.id,
      code,
      operation,
      ...(typeof field === 'string' ? { field } : {}),
      [LOG_CAUSE]: `${code} ${operation}`,
    };
    const msg = MESSAGE_LOGGED.has(code) ? err.message : `${code} in ${operation}`;
    if (WARN.has(code)) this.log.warn({ ...line, msg });
    else this.log.log({ ...line, msg });
  }
}

function httpCode(err: HttpException): string {
  const status = err.getStatus();
  if (status === 401) return ErrorCode.UNAUTHENTICATED;
  if (status === 403) return ErrorCode.FORBIDDEN;
  if (status === 404) return ErrorCode.NOT_FOUND;
  if (status === 409) return ErrorCode.CONFLICT;
  if (status === 429) return ErrorCode.RATE_LIMITED;
  return ErrorCode.BAD_USER_INPUT;
}
