import type { z } from 'zod';
import { BadUserInputError } from 'src/common/errors/app-error';

/** Validates GraphQL arguments; the first problem becomes BAD_USER_INPUT naming the argument path. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new BadUserInputError(issue.path.map(String).join('.') || 'input', issue.message);
}
