import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  Kind,
  parse,
  print,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { costLimitHook } from '../src/common/graphql/cost-limit';
import { documentLimitsHook, MAX_QUERY_TOKENS } from '../src/common/graphql/request-limits';
import { loadConfig } from '../src/config/app-config';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

/** Fails (instead of hanging the suite) when a promise takes longer than a generous guard. */
function withinGuard<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const PREVIEW = `query($input: RoutingRuleInput!) { previewRoutingRule(input: $input) { id } }`;

const aliases = (n: number, field: string, prefix = 'a') =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}: ${field}`).join(' ');

/** Every operation the console sends, as its generated code holds them (fragments included). */
function consoleDocuments(): [string, DocumentNode][] {
  const generated = readFileSync(join(__dirname, '..', '..', 'web', 'src', 'gql', 'graphql.ts'), 'utf8');
  return [...generated.matchAll(/export const (\w+Document) = (\{"kind":"Document".*?\}) as unknown/g)]
    .map(([, name, json]) => [name, JSON.parse(json) as DocumentNode] as [string, DocumentNode])
    .filter(([, doc]) => doc.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION));
}

/** A value of the input type (`first`: the page size), for estimating an operation's cost. */
function sampleValue(type: GraphQLInputType, name: string, pageSize: number): unknown {
  if (type instanceof GraphQLNonNull) return sampleValue(type.ofType, name, pageSize);
  if (type instanceof GraphQLList) return [sampleValue(type.ofType, name, pageSize)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0].value;
  if (type instanceof GraphQLInputObjectType)
    return Object.fromEntries(
      Object.values(type.getFields()).map((f) => [f.name, sampleValue(f.type, f.name, pageSize)]),
    );
  const scalar = type.name;
  if (scalar === 'Int') return name === 'first' ? pageSize : 1;
  if (scalar === 'Float') return 1;
  if (scalar === 'Boolean') return true;
  if (scalar === 'ID') return '00000000-0000-4000-8000-000000000000';
  if (/date|time/i.test(scalar)) return new Date().toISOString();
  return 'x';
}

function sampleVariables(schema: GraphQLSchema, document: DocumentNode, pageSize: number): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const d of document.definitions)
    if (d.kind === Kind.OPERATION_DEFINITION)
      for (const v of d.variableDefinitions ?? []) {
        const type = typeFromAST(schema, v.type) as GraphQLInputType;
        variables[v.variable.name.value] = sampleValue(type, v.variable.name.value, pageSize);
      }
  return variables;
}

/** Counts the SQL statements matching `pattern` that run during `fn`. */
async function countingQueries(pattern: RegExp, fn: () => Promise<unknown>): Promise<number> {
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
  try {
    await fn();
    return spy.mock.calls.filter(([sql]) => pattern.test(String(sql))).length;
  } finally {
    spy.mockRestore();
  }
}

describe.each(testDatabases())('GraphQL resource limits on %s', (kind) => {
  let app: TestApp;
  let walmartId: string;
  let amazonId: string;
  let longSkuOrderId: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    const walmart = await anAccount(app, 'WALMART');
    const amazon = await anAccount(app, 'AMAZON');
    walmartId = walmart.id;
    amazonId = amazon.id;
    const line = anOrder().lines[0];
    [longSkuOrderId] = await insertOrders(app, walmart, [
      anOrder({ lines: [{ ...line, sku: 'a'.repeat(60) }] }),
      anOrder({ lines: [{ ...line, sku: 'MUG-11' }] }),
    ]);
  }, 60_000);
  afterAll(() => app?.close());

  const rule = (skuPattern: string) => ({
    name: 'glob',
    accountId: walmartId,
    mcfAccountId: amazonId,
    skuPattern,
  });

  it('previewRoutingRule with 18 stars answers in linear time and does not block a concurrent health query', async () => {
    // As a regex (`^.*a.*a…b$`) this pattern backtracks over the 60-character SKU for hours; 18 stars took 18.8 s
    // and held up every other request for as long.
    const pattern = '*a'.repeat(18) + '*b';
    const [preview, health] = await withinGuard(
      Promise.all([app.gql(PREVIEW, { input: rule(pattern) }), app.gql(`{ health { ok } }`)]),
      30_000,
      'previewRoutingRule + health',
    );
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.previewRoutingRule).toEqual([]);
    expect(health.data!.health.ok).toBe(true);
    // The same matcher still matches what it should.
    const matching = await app.gql(PREVIEW, { input: rule('*a'.repeat(18) + '*') });
    expect(matching.data!.previewRoutingRule.map((o: { id: string }) => o.id)).toEqual([longSkuOrderId]);
    const mugs = await app.gql(PREVIEW, { input: rule('mug-??') });
    expect(mugs.data!.previewRoutingRule).toHaveLength(1);
  });

  it('refuses a skuPattern over 200 characters as BAD_USER_INPUT naming input.skuPattern', async () => {
    const res = await app.gql(PREVIEW, { input: rule('*'.repeat(201)) });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.skuPattern' });
    expect(res.errors?.[0]?.message).toMatch(/at most 200 characters/);
  });

  it.each([
    [3000, 'maxTokens'],
    [300, 'maxAliases'],
  ])('%i aliases of health run no database check and answer BAD_USER_INPUT naming %s', async (n, limit) => {
    let res: Awaited<ReturnType<TestApp['gql']>> | undefined;
    const checks = await countingQueries(/^SELECT 1$/, async () => {
      res = await app.gql(`{ ${aliases(n, 'health { ok }')} }`);
    });
    expect(checks).toBe(0);
    expect(res!.data).toBeNull();
    expect(res!.errors).toHaveLength(1);
    expect(res!.errors![0].extensions).toEqual(
      limit === 'maxAliases'
        ? { code: 'BAD_USER_INPUT', limit, maximum: 20, field: 'health' }
        : { code: 'BAD_USER_INPUT', limit, maximum: 2000, field: 'query' },
    );
    if (limit === 'maxAliases')
      expect(res!.errors![0].message).toMatch(/^health: selected more than 20 times .*maxAliases/);
  });

  it('accepts 20 aliases of one field and runs each', async () => {
    let res: Awaited<ReturnType<TestApp['gql']>> | undefined;
    const checks = await countingQueries(/^SELECT 1$/, async () => {
      res = await app.gql(`{ ${aliases(20, 'health { ok }')} }`);
    });
    expect(res!.errors).toBeUndefined();
    expect(Object.keys(res!.data!)).toHaveLength(20);
    expect(checks).toBe(20);
  });

  it('counts aliases through fragments and inline fragments', async () => {
    const res = await app.gql(
      `{ ...A ...B ... on Query { ${aliases(5, '__typename', 'c')} } }
       fragment A on Query { ${aliases(8, '__typename')} }
       fragment B on Query { ${aliases(8, '__typename', 'b')} }`,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ limit: 'maxAliases', field: '__typename' });
    const twenty = await app.gql(
      `{ ...A ...B ... on Query { ${aliases(4, '__typename', 'c')} } }
       fragment A on Query { ${aliases(8, '__typename')} }
       fragment B on Query { ${aliases(8, '__typename', 'b')} }`,
    );
    expect(twenty.errors).toBeUndefined();
  });

  it('refuses a fragment that doubles at every level (2^30 selections) without expanding it', async () => {
    const levels = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on Query { ${i === 29 ? 'health { ok }' : `...F${i + 1} x: __typename`} }`,
    );
    // F0 spreads F1 twice through two inline fragments, and so on: each level doubles the previous one.
    const doubled = levels.map((f, i) =>
      i === 29 ? f : f.replace(`...F${i + 1}`, `... on Query { ...F${i + 1} } ... on Query { ...F${i + 1} }`),
    );
    const checks = await countingQueries(/^SELECT 1$/, async () => {
      const res = await withinGuard(app.gql(`{ ...F0 } ${doubled.join(' ')}`), 30_000, 'fragment bomb');
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxAliases' });
    });
    expect(checks).toBe(0);
  });

  it.each([
    [1000, 'maxTokens'],
    [100, 'maxAliases'],
  ])('%i aliases of complianceReport are refused naming %s before any report is computed', async (n, limit) => {
    const reports = await countingQueries(/compliance|"order"/i, async () => {
      const res = await app.gql(`{ ${aliases(n, 'complianceReport(channel: WALMART) { policyVersion }')} }`);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit });
    });
    expect(reports).toBe(0);
  });

  it('gives reports a cost: two are answered, twelve are refused as BAD_USER_INPUT naming maxCost', async () => {
    const two = await app.gql(`{ ${aliases(2, 'complianceReport(channel: WALMART) { policyVersion }')} }`);
    expect(two.errors).toBeUndefined();
    const twelve = await app.gql(`{ ${aliases(12, 'complianceReport(channel: WALMART) { policyVersion }')} }`);
    expect(twelve.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'maxCost', maximum: 10_000 });
    expect(twelve.errors?.[0]?.message).toMatch(/costs \d+, above the limit of 10000 \(maxCost\)/);
    expect(twelve.data).toBeNull();
  });

  it('gives plans of action, evidence, view counts, totals and previews a cost', async () => {
    const limitNamed = async (query: string) => (await app.gql(query)).errors?.[0]?.extensions.limit ?? 'none';
    const plan = 'planOfAction(channel: WALMART, metric: VALID_TRACKING_RATE) { metric }';
    expect(await limitNamed(`{ ${aliases(12, plan)} }`)).toBe('maxCost');
    // Cost 100 each: 20 aliases (the most allowed) of three such fields pass; of five they are over 10,000.
    const evidence = `orderEvidence(orderId: "${longSkuOrderId}") { csvPath }`;
    const preview = `previewRoutingRule(input: { name: "x", accountId: "${walmartId}", mcfAccountId: "${amazonId}" }) { id }`;
    const counted = ['orderViewCounts { count }', 'orders(first: 1) { totalCount }', 'alerts(first: 1) { totalCount }'];
    const twentyOfEach = (fields: string[]) => `{ ${fields.map((f, i) => aliases(20, f, `q${i}_`)).join(' ')} }`;
    expect(await limitNamed(twentyOfEach(counted))).toBe('none');
    expect(await limitNamed(twentyOfEach([...counted, evidence, preview]))).toBe('maxCost');
  });

  it('counts a connection once however often its totalCount is selected under aliases', async () => {
    const counts = async (n: number) =>
      countingQueries(/count\(/i, async () => {
        const res = await app.gql(`{ orders(first: 1) { ${aliases(n, 'totalCount')} } }`);
        expect(res.errors).toBeUndefined();
      });
    const once = await counts(1);
    expect(once).toBeGreaterThan(0);
    expect(await counts(20)).toBe(once);
  });

  it('refuses a query document over GRAPHQL_MAX_QUERY_BYTES before parsing it', async () => {
    const res = await app.gql(`{ health { ok } } # ${'x'.repeat(70_000)}`);
    expect(res.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      limit: 'maxQueryBytes',
      maximum: 65_536,
      field: 'query',
    });
  });

  it('refuses a document of more than 2,000 tokens as BAD_USER_INPUT naming maxTokens', async () => {
    const res = await app.gql(
      `query($s: [OrderStatus!]) { orders(first: 1, filter: { statuses: [${'CREATED '.repeat(2000)}] }) { totalCount } }`,
    );
    expect(res.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      limit: 'maxTokens',
      maximum: 2000,
      field: 'query',
    });
  });

  it('refuses a query deeper than the limit as BAD_USER_INPUT naming maxDepth', async () => {
    const res = await app.gql(
      `{ __schema { types { fields { type { ${'ofType { '.repeat(12)}name${' }'.repeat(12)} } } } } }`,
    );
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'maxDepth', maximum: 10 });
    expect(res.errors?.[0]?.message).toMatch(/levels deep, above the limit of 10 \(maxDepth\)/);
  });

  it.each([
    [
      'selections 600 levels deep',
      `{ ${'__schema { types { fields { type { '.repeat(150)}name${' } } } }'.repeat(150)} }`,
    ],
    [
      'a list value nested 900 levels deep',
      `{ orders(filter: { statuses: ${'['.repeat(900)}CREATED${']'.repeat(900)} }) { totalCount } }`,
    ],
    [
      'an object value nested 400 levels deep',
      `{ orders(filter: ${'{ filter: '.repeat(400)}1${' }'.repeat(400)}) { totalCount } }`,
    ],
  ])('answers %s (within the token limit) with BAD_USER_INPUT, not INTERNAL', async (_name, query) => {
    const res = await withinGuard(app.gql(query), 30_000, 'deep document');
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).not.toMatch(/call stack|Cannot read|undefined/);
  });

  it('refuses a batch (an array of operations) in one request', async () => {
    const res = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminToken}` },
      body: JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ health { ok } }' }))),
    });
    const body = (await res.json()) as { errors?: { extensions: { code: string } }[] };
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('fits every document the console sends, at its largest page sizes, within the default limits', () => {
    const defaults = loadConfig({}).graphql;
    const schema = app.running.app.get(GraphQLSchemaHost).schema;
    const documents = consoleDocuments();
    expect(documents.length).toBeGreaterThan(30);
    const refused: string[] = [];
    for (const [name, generated] of documents) {
      const text = print(generated);
      expect([name, Buffer.byteLength(text) <= defaults.maxQueryBytes]).toEqual([name, true]);
      // Parsing with the limit throws when the document has more tokens.
      const document = parse(text, { maxTokens: MAX_QUERY_TOKENS });
      expect(() => documentLimitsHook(defaults.maxAliases)(schema, document, {})).not.toThrow();
      // Cost as the console asks at most: page sizes of 100.
      // Cost as the console asks: pages of at most 50 (100 channel warnings).
      const variables = sampleVariables(schema, document, name === 'ChannelWarningsDocument' ? 100 : 50);
      try {
        costLimitHook(defaults.maxCost)(schema, document, {}, variables);
      } catch (err) {
        refused.push(`${name}: ${(err as Error).message}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
