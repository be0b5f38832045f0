import type { Violation } from '@order-hub/types';
import { GraphQLRequestError } from '@/lib/graphql-client';

/** A violation as the api or the rules give it (the api leaves out `details`). */
export type ViolationLike = Pick<Violation, 'code' | 'severity' | 'field' | 'message'>;

/**
 * The key of the form input a violation's field names. `lines[i].…` counts lines as they were sent, so it
 * becomes `line:<lineNumber>` of the i-th sent line; `package.weightOz` stays as it is; `order.status` and
 * anything a form has no input for becomes `form`.
 */
export function fieldKeyOf(field: string, sentLineNumbers: readonly string[], inputs: readonly string[]): string {
  const line = /^lines\[(\d+)\]/.exec(field);
  if (line) {
    const lineNumber = sentLineNumbers[Number(line[1])];
    return lineNumber === undefined ? 'form' : `line:${lineNumber}`;
  }
  const plain = field.replace(/^input\./, '');
  return inputs.includes(plain) ? plain : 'form';
}

/** Violations grouped by the input they belong to (see fieldKeyOf), BLOCK before WARN, each code once per input. */
export function violationsByField<V extends ViolationLike>(
  violations: readonly V[],
  sentLineNumbers: readonly string[],
  inputs: readonly string[],
): Record<string, V[]> {
  const grouped: Record<string, V[]> = {};
  const seen = new Set<string>();
  for (const v of violations) {
    const key = fieldKeyOf(v.field, sentLineNumbers, inputs);
    const id = `${key}|${v.code}|${v.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    (grouped[key] ??= []).push(v);
  }
  for (const list of Object.values(grouped)) list.sort((a, b) => rank(a) - rank(b));
  return grouped;
}

const rank = (v: ViolationLike) => (v.severity === 'BLOCK' ? 0 : 1);

export const hasBlock = (violations: readonly ViolationLike[]) => violations.some((v) => v.severity === 'BLOCK');

/** Client and server lists together, each code and field once (the server's sentence wins). */
export function mergeViolations<V extends ViolationLike>(server: readonly V[], client: readonly V[]): V[] {
  const seen = new Set(server.map((v) => `${v.code}|${v.field}`));
  return [...server, ...client.filter((v) => !seen.has(`${v.code}|${v.field}`))];
}

/** The violations of a RULE_VIOLATION error (`extensions.violations`), or none. */
export function violationsOfError(error: unknown): ViolationLike[] {
  if (!(error instanceof GraphQLRequestError) || error.code !== 'RULE_VIOLATION') return [];
  const list = error.errors[0]?.extensions?.violations;
  if (!Array.isArray(list)) return [];
  return list.filter(isViolation);
}

function isViolation(value: unknown): value is ViolationLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    typeof v.field === 'string' &&
    typeof v.message === 'string' &&
    (v.severity === 'BLOCK' || v.severity === 'WARN')
  );
}
