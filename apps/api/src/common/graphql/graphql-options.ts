import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { ExecutionResult, GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { AppConfig } from 'src/config/app-config';
import { RequestLoaders } from 'src/common/dataloaders/request-loaders';
import { formatGraphqlErrors } from 'src/common/errors/format-graphql-errors';
import { inputTextHook, inputTextRule } from 'src/common/validation/input-text';
import { costLimitHook } from './cost-limit';
import { DateTimeScalar } from './date-time.scalar';
import { documentLimitsHook, MAX_QUERY_TOKENS, queryBytesLimitHook, QUERY_CACHE_ENTRIES } from './request-limits';
import type { GraphqlContext } from './graphql-context';

type FormatterContext = { reply?: { log: Logger }; app: { log: Logger } };
type Logger = { error(obj: unknown, msg: string): void };

export function graphqlOptions(config: AppConfig, ds: DataSource): Omit<MercuriusDriverConfig, 'driver'> {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    graphiql: config.graphql.graphiql,
    queryDepth: config.graphql.maxDepth,
    // Every `Date` is the strict DateTime scalar; every string argument passes the text rule (literals, variables).
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    validationRules: [inputTextRule],
    cache: QUERY_CACHE_ENTRIES,
    graphql: { parseOptions: { maxTokens: MAX_QUERY_TOKENS } },
    hooks: {
      preParsing: [queryBytesLimitHook(config.graphql.maxQueryBytes)],
      preValidation: [documentLimitsHook(config.graphql.maxAliases)],
      preExecution: [inputTextHook(), costLimitHook(config.graphql.maxCost)],
    },
    // The driver adds `req` to whatever this returns.
    context: (): Omit<GraphqlContext, 'req'> => ({ loaders: new RequestLoaders(ds) }),
    errorFormatter: (
      execution: ExecutionResult & { errors: readonly GraphQLError[]; statusCode?: number },
      ctx: unknown,
    ) => {
      const c = ctx as FormatterContext;
      const errors = formatGraphqlErrors(execution.errors, c.reply?.log ?? c.app.log);
      return {
        statusCode: execution.data ? 200 : (execution.statusCode ?? 200),
        response: { data: execution.data ?? null, errors: errors.map((e) => e.toJSON()) },
      };
    },
  } as Omit<MercuriusDriverConfig, 'driver'>;
}
