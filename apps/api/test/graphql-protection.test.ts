import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { generateSyntheticOrders } from './support/synthetic/synthetic-orders';
import { anAccount, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const DEEP_DETAIL = `{ orders(first: 50) { totalCount edges { node {
  id account { name timeZone hasCredentials } lines { sku unitPrice { amountCents } }
  shipments { carrier lines { sku quantity } } auditEvents { action }
} } } }`;

describe.each(testDatabases())('GraphQL protection on %s', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind, { GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_COST: '2000' });
    for (const channel of ['WALMART', 'AMAZON'] as const) {
      const account = await anAccount(app, channel);
      await insertOrders(app, account, generateSyntheticOrders(channel, 60, 7, new Date()));
    }
  });
  afterAll(() => app?.close());

  it('loads lines, shipments, accounts and audit for a page of 50 orders in a fixed number of queries', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const res = await app.gql(DEEP_DETAIL);
      expect(res.errors).toBeUndefined();
      expect(res.data!.orders.edges).toHaveLength(50);
      // token lookup (+ last-used update), page, count, accounts, credentials flags, lines, shipments, shipment lines, audit;
      // the outbox dispatcher's once-a-second poll may fall inside the request on a busy machine and is not counted.
      const requestQueries = spy.mock.calls.filter(([sql]) => !/\boutbox\b/.test(String(sql)));
      expect(requestQueries.length).toBeLessThanOrEqual(10);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses a query deeper than the limit with BAD_USER_INPUT', async () => {
    const res = await app.gql(`{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`);
    expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses a query above the cost limit before running it', async () => {
    const res = await app.gql(`{ a: orders(first: 200) { edges { node { lines { sku title } shipments { carrier } } } }
                                 b: orders(first: 200) { edges { node { lines { sku title } shipments { carrier } } } } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', maximumCost: 2000 });
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 201 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ filter: { search: '  ' } }, 'filter.search'],
    [{ filter: { accountId: 'nope' } }, 'filter.accountId'],
    [{ filter: { statuses: [] } }, 'filter.statuses'],
  ])('names the field of bad input %j', async (variables, field) => {
    const res = await app.gql(
      `query($first: Int, $after: String, $filter: OrderFilter) { orders(first: $first, after: $after, filter: $filter) { totalCount } }`,
      variables,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0]?.message.startsWith(`${field}:`)).toBe(true);
  });

  it('refuses a cursor from another view', async () => {
    const all = await app.gql(`{ orders(first: 2, filter: { view: ALL }) { pageInfo { endCursor } } }`);
    const res = await app.gql(
      `query($after: String) { orders(after: $after, filter: { view: PAST_DUE }) { totalCount } }`,
      {
        after: all.data!.orders.pageInfo.endCursor,
      },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses unknown enum values and unknown fields as BAD_USER_INPUT', async () => {
    for (const query of [`{ orders(filter: { view: SOMEDAY }) { totalCount } }`, `{ orders { nope } }`, `{ orders {`]) {
      expect((await app.gql(query)).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses an unknown enum value sent in variables as BAD_USER_INPUT naming the field', async () => {
    const res = await app.gql(`query($filter: OrderFilter) { orders(filter: $filter) { totalCount } }`, {
      filter: { view: 'SOMEDAY' },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.view' });
    expect(res.errors?.[0]?.message).toMatch(/SOMEDAY/);
  });

  it('hides an unexpected failure behind INTERNAL, with no SQL or stack', async () => {
    await app.ds.query(`ALTER TABLE "order_line" RENAME TO "order_line_gone"`);
    try {
      const res = await app.gql(`{ orders(first: 1) { edges { node { lines { sku } } } } }`);
      const error = res.errors![0];
      expect(error.extensions).toEqual({ code: 'INTERNAL' });
      expect(error.message).toBe('Internal server error');
      expect(JSON.stringify(res)).not.toMatch(/order_line|relation|SELECT|at \w+ \(/);
    } finally {
      await app.ds.query(`ALTER TABLE "order_line_gone" RENAME TO "order_line"`);
    }
  });
});

describe("GraphQL's own errors over HTTP", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite');
  });
  afterAll(() => app?.close());

  /** Sends a raw body; returns the status and the first error. */
  async function send(body: string, contentType = 'application/json', method = 'POST', search = '') {
    const res = await fetch(`${app.baseUrl}/graphql${search}`, {
      method,
      headers: { 'content-type': contentType, authorization: `Bearer ${app.adminToken}` },
      body: method === 'GET' ? undefined : body,
    });
    const json = (await res.json()) as {
      data?: unknown;
      errors?: { message: string; locations?: unknown; extensions: Record<string, unknown> }[];
    };
    return { status: res.status, data: json.data, error: json.errors?.[0] };
  }

  it.each([
    ['a syntax error', JSON.stringify({ query: '{ orders {' }), 'query'],
    ['an unknown field', JSON.stringify({ query: '{ nope }' }), 'nope'],
    ['an unknown argument', JSON.stringify({ query: '{ orders(nope: 1) { totalCount } }' }), 'orders.nope'],
    ['a missing required argument', JSON.stringify({ query: '{ order { id } }' }), 'order.id'],
    ['a query that is a number', JSON.stringify({ query: 1 }), 'query'],
    ['a query that is an object', JSON.stringify({ query: { kind: 'Document' } }), 'query'],
    ['a query that is JSON text', JSON.stringify({ query: '{"definitions": 1}' }), 'query'],
    ['a query that is a JSON syntax tree', JSON.stringify({ query: '{"kind":"Document","definitions":[]}' }), 'query'],
    ['an empty query', JSON.stringify({ query: '' }), 'query'],
    ['no query', JSON.stringify({}), 'query'],
    ['a document with only a comment', JSON.stringify({ query: '# nothing' }), 'query'],
    ['a document with only a fragment', JSON.stringify({ query: 'fragment F on Query { __typename }' }), undefined],
    [
      'an operationName that does not exist',
      JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }),
      'operationName',
    ],
    [
      'two operations and no operationName',
      JSON.stringify({ query: 'query A { __typename } query B { __typename }' }),
      'operationName',
    ],
    [
      'an operationName that is a number',
      JSON.stringify({ query: '{ __typename }', operationName: 5 }),
      'operationName',
    ],
    ['variables that are a string', JSON.stringify({ query: '{ __typename }', variables: 'x' }), 'variables'],
    ['a body that is not JSON', '{ "query": ', undefined],
    ['a body that is a JSON string', '"{ __typename }"', undefined],
  ])('%s answers BAD_USER_INPUT with the field, never INTERNAL', async (_name, body, field) => {
    const { status, error } = await send(body);
    expect(status).toBeLessThan(500);
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
    if (field) expect(error?.extensions.field).toBe(field);
    expect(error?.message).not.toMatch(/is not iterable|Cannot read prop|undefined|getDocument/);
  });

  it('answers an application/graphql body, and names the query when it does not parse', async () => {
    expect((await send('{ health { ok } }', 'application/graphql')).data).toEqual({ health: { ok: true } });
    const { status, error } = await send('{ health {', 'application/graphql');
    expect(status).toBeLessThan(500);
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'query' });
    expect(error?.locations).toEqual([{ line: 1, column: 11 }]);
  });

  it('answers a body of another content type with BAD_USER_INPUT', async () => {
    const { status, error } = await send('{ health { ok } }', 'text/plain');
    expect(status).toBeLessThan(500);
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers GET with variables that are not JSON, and a mutation over GET, without INTERNAL', async () => {
    const badVariables = await send('', '', 'GET', `?query=${encodeURIComponent('{ __typename }')}&variables=%7B`);
    expect(badVariables.status).toBeLessThan(500);
    expect(badVariables.error?.extensions.code).toBe('BAD_USER_INPUT');
    const mutation = await send('', '', 'GET', `?query=${encodeURIComponent('mutation { __typename }')}`);
    expect(mutation.status).toBeLessThan(500);
    expect(mutation.error?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
