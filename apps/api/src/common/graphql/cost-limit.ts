import type { DocumentNode, GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from 'src/common/errors/app-error';

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
    const cost = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
    if (cost > maximum) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `The query costs ${cost}, above the limit of ${maximum}: ask for fewer items or fields.`,
        { cost, maximumCost: maximum },
      );
    }
  };
}

/** Cost of a connection field: its page size times what each item costs. */
export function pagedComplexity(defaultPageSize: number) {
  return ({ args, childComplexity }: { args: { first?: number | null }; childComplexity: number }) =>
    1 + (args.first ?? defaultPageSize) * Math.max(childComplexity, 1);
}
