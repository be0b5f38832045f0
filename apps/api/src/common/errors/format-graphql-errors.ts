import { GraphQLError } from 'graphql';
import { AppError, ERROR_CODES, ErrorCode } from './app-error';

interface Logger {
  error(obj: unknown, msg: string): void;
}

/**
 * Gives every error an `extensions.code`. Errors the hub raised on purpose keep their message; errors from
 * GraphQL itself (syntax, validation, variable coercion, depth and cost limits) become BAD_USER_INPUT;
 * anything else is logged and replaced by a generic INTERNAL error, so no stack, SQL or driver text leaks.
 */
export function formatGraphqlErrors(errors: readonly GraphQLError[], log: Logger): GraphQLError[] {
  return errors.flatMap(expand).map((error) => {
    const code = error.extensions?.code;
    if (typeof code === 'string' && ERROR_CODES.has(code)) return error;
    if (error.originalError instanceof AppError) return withCode(error, error.originalError.extensions.code as string);
    // No original error, or none during execution (no path): GraphQL itself refused the request (syntax,
    // validation, variable coercion such as an unknown enum value, limits).
    if (!error.originalError || !error.path)
      return withCode(error, ErrorCode.BAD_USER_INPUT, variableField(error.message));
    log.error({ err: error.originalError, path: error.path }, 'Unexpected error in a GraphQL operation');
    return new GraphQLError('Internal server error', {
      path: error.path,
      extensions: { code: ErrorCode.INTERNAL },
    });
  });
}

/** Mercurius wraps request errors (validation, depth) in one error whose `originalError.errors` lists them. */
function expand(error: GraphQLError): GraphQLError[] {
  const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(inner)) return [error];
  return inner.map((e: Error) => (e instanceof GraphQLError ? e : new GraphQLError(e.message)));
}

function withCode(error: GraphQLError, code: string, field?: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code, ...(field ? { field } : {}) },
  });
}

/** `Variable "$filter" got invalid value "X" at "filter.view"; …` names the field as `filter.view`. */
function variableField(message: string): string | undefined {
  const match =
    /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"/.exec(message) ?? /^Variable "\$(\w+)"/.exec(message);
  return match?.[2] ?? match?.[1];
}
