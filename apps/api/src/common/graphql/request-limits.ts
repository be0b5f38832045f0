import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { BadUserInputError } from 'src/common/errors/app-error';
import { limitError } from './cost-limit';

/**
 * Parsed documents Mercurius keeps, by query text (it holds up to twice this many valid ones, and as many
 * refused ones). The console sends a few dozen distinct documents; hostile ones only evict each other. A parsed
 * document takes about 300 bytes per token, so with MAX_QUERY_TOKENS the cache holds at most ~80 MB.
 */
export const QUERY_CACHE_ENTRIES = 32;

/** Tokens (names, punctuation, values) a query document may have: the console's largest has about 200. */
export const MAX_QUERY_TOKENS = 2_000;

/**
 * Mercurius preParsing hook: refuses a query document over `maximum` bytes before it is parsed. Parsing is linear
 * but its tree is large (about 80 bytes of memory per byte of query), and Mercurius keeps parsed documents in
 * its query cache.
 */
export function queryBytesLimitHook(maximum: number) {
  return (_schema: GraphQLSchema, source: string, _context: unknown): void => {
    if (typeof source !== 'string') return;
    // A string's UTF-8 length is at most three bytes per UTF-16 unit: skip the count for short documents.
    if (source.length * 3 <= maximum) return;
    const bytes = Buffer.byteLength(source, 'utf8');
    if (bytes > maximum)
      throw limitError(
        'maxQueryBytes',
        maximum,
        `query: the document is ${bytes} bytes, above the limit of ${maximum} (maxQueryBytes); send variables instead of inlined values, or split it.`,
        { field: 'query' },
      );
  };
}

/**
 * Mercurius preValidation hook (after parsing, before validation and before the document enters the query
 * cache):
 * - refuses a `query` that is not GraphQL text. When its text fails to parse, Mercurius tries it as a JSON
 *   syntax tree (`"1"`, `"{\"definitions\":1}"`), which then failed inside validation with
 *   "context.getDocument.definitions is not iterable";
 * - caps how often one field may be selected in one selection set (`a1: health a2: health …`), counting through
 *   fragments, so a request cannot run the same resolver thousands of times. Before validation, so thousands of
 *   selections never reach graphql-js's field-merging check, which is quadratic in them.
 */
export function documentLimitsHook(maxAliases: number) {
  return (_schema: GraphQLSchema, document: DocumentNode, _context: unknown): void => {
    if (!isParsedDocument(document))
      throw new BadUserInputError('query', 'must be a GraphQL document, sent as text (e.g. "{ health { ok } }").');
    const repeated = overRepeatedField(document, maxAliases);
    if (repeated)
      throw limitError(
        'maxAliases',
        maxAliases,
        `${repeated}: selected more than ${maxAliases} times in one selection set (maxAliases); ask for it once, or in several requests.`,
        { field: repeated },
      );
  };
}

/** graphql-js' parser gives every node a `Location` instance; a tree made by JSON.parse has plain objects. */
function isParsedDocument(document: unknown): document is DocumentNode {
  const doc = document as DocumentNode | null;
  if (doc?.kind !== Kind.DOCUMENT || !Array.isArray(doc.definitions) || !doc.loc) return false;
  return Object.getPrototypeOf(doc.loc) !== Object.prototype;
}

type Counts = Map<string, number>;

/**
 * A field selected more than `maximum` times in one selection set, with inline fragments and fragment
 * spreads counted into the set that holds them. Each fragment's counts are computed once (a fragment that
 * spreads another twice, and so on, doubles per level without costing any more time); counts saturate just
 * above the maximum; fragment cycles count as nothing (validation refuses them afterwards).
 */
function overRepeatedField(document: DocumentNode, maximum: number): string | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const fragmentCounts = new Map<string, Counts>();
  const inProgress = new Set<string>();
  let found: string | null = null;

  const add = (into: Counts, from: Counts) => {
    for (const [name, n] of from) into.set(name, Math.min((into.get(name) ?? 0) + n, maximum + 1));
  };
  const countsOfFragment = (name: string): Counts => {
    const known = fragmentCounts.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return new Map();
    inProgress.add(name);
    const counts = countsOf(fragment.selectionSet);
    inProgress.delete(name);
    fragmentCounts.set(name, counts);
    return counts;
  };
  // The fields a selection set selects directly or through its fragments (not those of nested sets).
  const countsOf = (set: SelectionSetNode): Counts => {
    const counts: Counts = new Map();
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) counts.set(s.name.value, Math.min((counts.get(s.name.value) ?? 0) + 1, maximum + 1));
      else if (s.kind === Kind.INLINE_FRAGMENT) add(counts, countsOf(s.selectionSet));
      else add(counts, countsOfFragment(s.name.value));
    }
    return counts;
  };

  // Every selection set of the document, operations' and fragments' alike, without recursion.
  const pending: SelectionSetNode[] = [];
  for (const d of document.definitions)
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) pending.push(d.selectionSet);
  while (pending.length > 0 && !found) {
    const set = pending.pop()!;
    for (const [field, count] of countsOf(set)) if (count > maximum) found ??= field;
    for (const s of set.selections) if (s.kind !== Kind.FRAGMENT_SPREAD && s.selectionSet) pending.push(s.selectionSet);
  }
  return found;
}
