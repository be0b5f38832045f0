import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One of EasyPost's own example responses (EasyPost publishes examples, not an OpenAPI model). */
export interface EasyPostExample {
  name: string;
  /** The file under shared/specs it was copied from. */
  source: string;
  body: unknown;
}

let examples: EasyPostExample[] | undefined;

export function easypostExamples(): EasyPostExample[] {
  examples ??= JSON.parse(
    readFileSync(path.resolve(__dirname, '..', 'examples', 'easypost', 'examples.json'), 'utf8'),
  ) as EasyPostExample[];
  return examples;
}

export function easypostExample(name: string): EasyPostExample {
  const found = easypostExamples().find((e) => e.name === name);
  if (!found)
    throw new Error(
      `no EasyPost example named ${name}; known: ${easypostExamples()
        .map((e) => e.name)
        .join(', ')}`,
    );
  return found;
}

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Where `actual` departs from the example's shape: a key the example has and `actual` lacks, or a value of another
 * type. null matches any type (EasyPost's examples leave most fields null), and each element of an array is held
 * to the example's first element. Keys `actual` has beyond the example are not checked here.
 */
export function shapeDifferences(example: unknown, actual: unknown, at = '(body)'): string[] {
  if (example === null || actual === null) return [];
  if (kind(example) !== kind(actual)) return [`${at}: ${kind(actual)} where the example has ${kind(example)}`];
  if (Array.isArray(example)) {
    if (example.length === 0) return [];
    return (actual as unknown[]).flatMap((item, i) => shapeDifferences(example[0], item, `${at}[${i}]`));
  }
  if (kind(example) !== 'object') return [];
  const a = actual as Record<string, unknown>;
  return Object.entries(example as Record<string, unknown>).flatMap(([k, v]) =>
    k in a ? shapeDifferences(v, a[k], `${at}.${k}`) : [`${at}.${k}: missing`],
  );
}

/** Keys `actual` has that none of the examples has at that place (a field EasyPost never sends). */
export function keysBeyond(examplesOf: unknown[], actual: unknown, at = '(body)'): string[] {
  if (!actual || typeof actual !== 'object') return [];
  if (Array.isArray(actual)) {
    const firsts = examplesOf.flatMap((e): unknown[] => (Array.isArray(e) ? (e as unknown[]).slice(0, 1) : []));
    return actual.flatMap((item, i) => keysBeyond(firsts, item, `${at}[${i}]`));
  }
  const objects = examplesOf.filter((e): e is Record<string, unknown> => kind(e) === 'object');
  if (objects.length === 0) return [];
  return Object.entries(actual as Record<string, unknown>).flatMap(([k, v]) => {
    const holders = objects.filter((o) => k in o);
    if (holders.length === 0) return [`${at}.${k}`];
    return keysBeyond(
      holders.map((o) => o[k]),
      v,
      `${at}.${k}`,
    );
  });
}
