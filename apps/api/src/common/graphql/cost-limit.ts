import type { DocumentNode, GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from 'src/common/errors/app-error';

/**
 * What a field costs against GRAPHQL_MAX_COST on top of its selections (a plain field costs 1). Expensive fields
 * say so through `complexity` in their `@Query`/`@ResolveField` options, so a request cannot ask for the same
 * work a thousand times under aliases: at the default limit of 10,000 a request holds at most nine reports.
 */
export const FieldCost = {
  /** One database round trip outside the request's loaders (the health check). */
  LOOKUP: 10,
  /** A count or scan over orders (view counts, a connection with its totalCount, a routing-rule preview, evidence). */
  AGGREGATE: 100,
  /** A report computed over a window of orders (compliance report, plan of action). */
  REPORT: 1000,
} as const;

/** `complexity` for a field that costs `cost` plus whatever is selected under it. */
export function fixedComplexity(cost: number) {
  return ({ childComplexity }: { childComplexity: number }) => cost + childComplexity;
}

/**
 * Cost of a connection field: its page size times what each item costs, plus `fixedCost` for what the
 * connection does once (its totalCount, counted once per connection: see countOnce).
 */
export function pagedComplexity(defaultPageSize: number, fixedCost = 0) {
  return ({ args, childComplexity }: { args: { first?: number | null }; childComplexity: number }) =>
    fixedCost + 1 + (args.first ?? defaultPageSize) * Math.max(childComplexity, 1);
}

/** A request refused for a limit: BAD_USER_INPUT whose extensions name the limit and its maximum. */
export function limitError(limit: string, maximum: number, message: string, extra: Record<string, unknown> = {}) {
  return new AppError(ErrorCode.BAD_USER_INPUT, message, { limit, maximum, ...extra });
}

/**
 * A Mercurius preExecution hook refusing operations whose estimated cost exceeds `maximum`. A hook rather
 * than a validation rule: the cost depends on variables (page sizes), and validation rules that read
 * variables would disable Mercurius' parsed-query cache. Fields declare their cost through `complexity`.
 */
export function costLimitHook(maximum: number) {
  return (
    schema: GraphQLSchema,
    document: DocumentNode,
    _context: unknown,
    variables?: Record<string, unknown>,
  ): void => {
    let cost: number;
    try {
      cost = getComplexity({
        schema,
        query: document,
        variables: variables ?? {},
        estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
        maxQueryNodes: maximum,
      });
    } catch (err) {
      // Every field costs at least 1, so more fields than the maximum (fragments expanded) is over it too.
      if (!/maximum allowed number of nodes/.test((err as Error).message)) throw err;
      throw limitError(
        'maxCost',
        maximum,
        `The query selects more than ${maximum} fields once its fragments are expanded, above the cost limit of ${maximum} (maxCost).`,
        { maximumCost: maximum },
      );
    }
    if (cost > maximum) {
      throw limitError(
        'maxCost',
        maximum,
        `The query costs ${cost}, above the limit of ${maximum} (maxCost): ask for fewer items, fields or reports.`,
        { cost, maximumCost: maximum },
      );
    }
  };
}
