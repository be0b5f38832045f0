import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../scripts/sync.mjs');
const run = (args: string[], source: string) =>
  spawnSync(process.execPath, [SCRIPT, ...args], {
    env: { ...process.env, SHARED_SPECS_DIR: source },
    encoding: 'utf8',
  });

describe('contracts:sync / contracts:check', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'contracts-sync-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sync without the originals says so in one line and leaves the committed copy', () => {
    const r = run([], path.join(dir, 'absent'));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `contracts:sync: no official models at ${path.join(dir, 'absent')}; the committed copy in packages/contracts stays as it is\n`,
    );
  });

  it('check without the originals fails with one line', () => {
    const r = run(['--check'], path.join(dir, 'absent'));
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^contracts:check: the official models are not at .*absent/);
  });

  it('check names every committed file that differs from a fresh trim (originals that are not the committed ones)', () => {
    const source = path.join(dir, 'specs');
    const openapi = (title: string, op: string) => ({
      openapi: '3.0.1',
      info: { title, description: 'dropped' },
      paths: {
        '/v3/x': { get: { operationId: op, description: 'dropped', responses: { 200: { description: 'ok' } } } },
      },
    });
    const swagger = (op: string) => ({
      swagger: '2.0',
      info: { title: op, version: '1' },
      paths: {
        '/x': {
          get: { operationId: op, responses: { 200: { description: 'ok', schema: { $ref: '#/definitions/X' } } } },
        },
      },
      definitions: { X: { type: 'object', description: 'dropped', properties: { description: { type: 'string' } } } },
    });
    mkdirSync(path.join(source, 'walmart', 'samples'), { recursive: true });
    mkdirSync(path.join(source, 'amazon'), { recursive: true });
    for (const m of ['orders', 'auth', 'returns', 'notifications'])
      writeFileSync(path.join(source, 'walmart', `${m}.openapi.json`), JSON.stringify(openapi(m, `${m}Op`)));
    for (const m of [
      'orders_2026-01-01',
      'ordersV0',
      'fulfillmentOutbound_2020-07-01',
      'feeds_2021-06-30',
      'reports_2021-06-30',
      'notifications',
      'shippingV2',
    ])
      writeFileSync(path.join(source, 'amazon', `${m}.json`), JSON.stringify(swagger(m)));
    mkdirSync(path.join(source, 'amazon', 'reports'), { recursive: true });
    writeFileSync(
      path.join(source, 'amazon', 'reports', 'accountHealthReport-2020-11-18.json'),
      JSON.stringify({ type: 'object', description: 'dropped', properties: {} }),
    );
    mkdirSync(path.join(source, 'amazon', 'notifications'), { recursive: true });
    for (const n of ['OrderChangeNotification', 'FulfillmentOrderStatusNotification'])
      writeFileSync(
        path.join(source, 'amazon', 'notifications', `${n}.json`),
        JSON.stringify({ $id: 'http://example.com/example.json', type: 'object', properties: {} }),
      );
    const tokens = swagger('tokens');
    writeFileSync(path.join(source, 'amazon', 'tokens_2021-03-01.json'), JSON.stringify(tokens));
    const r = run(['--check'], source);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('packages/contracts/models/amazon/tokens_2021-03-01.json');
    expect(r.stderr).toContain('packages/contracts/models/walmart/orders.json');
    expect(r.stderr).toContain('packages/contracts/examples/walmart/orders.json');
  });
});
