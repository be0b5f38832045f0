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
    if (!error.originalError || !error.path) return requestError(error);
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
  return inner.map((e: Error) => (e instanceof GraphQLError ? e : new GraphQLError(e.message, { originalError: e })));
}

type Extras = { message?: string; field?: string; limit?: string; maximum?: number };

/**
 * What the request itself got wrong, as BAD_USER_INPUT naming the field of the request (query, variables,
 * operationName) or of the schema, and the limit when one was passed. Fastify's body validation reads
 * `body/query must be string`; Mercurius answers "Unknown query" when there is none.
 */
const REQUEST_ERRORS: [RegExp, (m: RegExpExecArray) => Extras][] = [
  [/^body\/(\w+) /, (m) => ({ field: m[1] })],
  [/^Unknown query$/, () => ({ message: 'query: is required: send a GraphQL document as text.', field: 'query' })],
  [/^Unknown operation named "/, () => ({ field: 'operationName' })],
  [/^Must provide operation name/, () => ({ field: 'operationName' })],
  [/^Must provide an operation\./, () => ({ field: 'query' })],
  [
    /^Syntax Error: Document contains more that (\d+) tokens/,
    (m) => ({
      message: `query: the document has more than ${m[1]} tokens (maxTokens); send values as variables, or split it.`,
      field: 'query',
      limit: 'maxTokens',
      maximum: Number(m[1]),
    }),
  ],
  [/^Syntax Error: /, () => ({ field: 'query' })],
  [
    /query depth \((\d+)\) exceeds the query depth limit of (\d+)/,
    (m) => ({
      message: `The query is ${m[1]} levels deep, above the limit of ${m[2]} (maxDepth).`,
      limit: 'maxDepth',
      maximum: Number(m[2]),
    }),
  ],
  [/^Cannot query field "(\w+)"/, (m) => ({ field: m[1] })],
  [/^Unknown argument "(\w+)" on field "\w+\.(\w+)"/, (m) => ({ field: `${m[2]}.${m[1]}` })],
  [/^Field "(\w+)" argument "(\w+)" of type .* is required/, (m) => ({ field: `${m[1]}.${m[2]}` })],
];

function requestError(error: GraphQLError): GraphQLError {
  const field = variableField(error.message);
  if (field) return withCode(error, ErrorCode.BAD_USER_INPUT, { field });
  for (const [pattern, extras] of REQUEST_ERRORS) {
    const match = pattern.exec(error.message);
    if (match) return withCode(error, ErrorCode.BAD_USER_INPUT, extras(match));
  }
  return withCode(error, ErrorCode.BAD_USER_INPUT);
}

function withCode(error: GraphQLError, code: string, { message, ...extras }: Extras = {}): GraphQLError {
  return new GraphQLError(message ?? error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code, ...extras },
  });
}

/** `Variable "$filter" got invalid value "X" at "filter.view"; …` names the field as `filter.view`. */
function variableField(message: string): string | undefined {
  const match =
    /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"/.exec(message) ?? /^Variable "\$(\w+)"/.exec(message);
  return match?.[2] ?? match?.[1];
}
